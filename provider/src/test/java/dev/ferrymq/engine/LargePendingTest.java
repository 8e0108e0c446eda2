package dev.ferrymq.engine;

import dev.ferrymq.engine.queue.QueueLimits;
import dev.ferrymq.spi.AckMode;
import dev.ferrymq.spi.Completion;
import dev.ferrymq.spi.DestinationRef;
import dev.ferrymq.spi.EngineException;
import dev.ferrymq.spi.EngineSession;
import dev.ferrymq.spi.MessageData;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static dev.ferrymq.engine.EngineTestSupport.session;
import static dev.ferrymq.engine.EngineTestSupport.text;
import static org.assertj.core.api.Assertions.assertThat;

/** A million pending messages against a byte limit: the limit, not the heap, stops the producer. */
@Timeout(60)
class LargePendingTest {

    @Test
    @DisplayName("FerryMQ extension maxQueueBytes: up to 1,000,000 small non-persistent sends with no consumer: the "
            + "queue accepts what fits in 16 MiB, then refuses with RESOURCE_ALLOCATION")
    void millionPendingStopAtTheLimit() {
        long limit = 16L * 1024 * 1024;
        try (EngineTestSupport b = new EngineTestSupport(Map.of("maxQueueBytes", String.valueOf(limit),
                "fullPolicy", "fail"))) {
            EngineSession s = session(b.connect(), AckMode.AUTO);
            DestinationRef q = DestinationRef.queue("pending");
            AtomicReference<EngineException> failed = new AtomicReference<>();
            Completion<Void> done = new Completion<>() {
                @Override
                public void complete(Void result) {
                }

                @Override
                public void fail(EngineException error) {
                    failed.compareAndSet(null, error);
                }
            };
            int accepted = 0;
            long bytes = 0;
            for (int i = 0; i < 1_000_000 && failed.get() == null; i++) {
                MessageData m = text(q, "m" + i);
                s.send(m, done);
                if (failed.get() == null) {
                    accepted++;
                    bytes += m.estimatedSize();
                }
            }
            assertThat(failed.get()).isNotNull();
            assertThat(failed.get().kind()).isEqualTo(EngineException.Kind.RESOURCE_ALLOCATION);
            QueueLimits limits = b.broker().destinations().queueForBrowse(q).limits();
            assertThat(limits.heldMessages()).isEqualTo(accepted);
            assertThat(limits.heldBytes()).isEqualTo(bytes).isGreaterThanOrEqualTo(limit).isLessThan(limit + 1000);
        }
    }
}
