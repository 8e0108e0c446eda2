package dev.ferrymq.samples;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(60)
class DurableSubscriptionSampleTest {

    @Test
    @DisplayName("Unshared durable subscriptions (Receiving messages): the durable subscriber gets everything published while it was offline; the non-durable one gets none of it")
    void durableSubscriberMissesNothing() {
        Output output = new Output();
        int received = DurableSubscriptionSample.run(4, output.stream());

        assertThat(received).isEqualTo(4);
        assertThat(output.text())
                .contains("durable subscriber: received \"headline 1\"")
                .contains("non-durable subscriber: received \"headline 1\"")
                .contains("publisher: published [headline 2, headline 3, headline 4, headline 5] while both are offline")
                .contains("durable subscriber, back online: received 4/4 published while offline: [headline 2, headline 3, headline 4, headline 5]")
                .contains("non-durable subscriber, back online: received nothing: it missed all 4");
    }
}
