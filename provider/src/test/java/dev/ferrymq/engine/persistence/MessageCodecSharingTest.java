package dev.ferrymq.engine.persistence;

import dev.ferrymq.spi.BodyType;
import dev.ferrymq.spi.DestinationRef;
import dev.ferrymq.spi.MessageData;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Messages read back in a row (a recovered backlog) share one destination object instead of
 * holding an equal copy each; a different destination is still read as itself.
 */
@Timeout(10)
class MessageCodecSharingTest {

    private static byte[] written(String id, DestinationRef to) {
        RecordWriter w = new RecordWriter(64);
        MessageCodec.write(w, MessageData.builder().messageId(id).destination(to)
                .body(BodyType.BYTES, new byte[] {1, 2, 3}).build());
        return w.toByteArray();
    }

    @Test
    @DisplayName("An equal destination read after another is the same object; another destination is its own")
    void equalDestinationsAreShared() {
        RecordReader first = new RecordReader(written("ID:1", DestinationRef.queue("orders")));
        MessageData one = MessageCodec.read(first);
        RecordReader second = new RecordReader(written("ID:2", DestinationRef.queue("orders")),
                first.recentDestination());
        MessageData two = MessageCodec.read(second);
        RecordReader third = new RecordReader(written("ID:3", DestinationRef.queue("invoices")),
                second.recentDestination());
        MessageData three = MessageCodec.read(third);

        assertThat(two.destination()).isSameAs(one.destination()).isEqualTo(DestinationRef.queue("orders"));
        assertThat(three.destination()).isEqualTo(DestinationRef.queue("invoices"));
        assertThat(two.messageId()).isEqualTo("ID:2");
        assertThat((byte[]) three.body()).containsExactly(1, 2, 3);
    }
}
