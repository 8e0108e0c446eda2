package dev.ferrymq.samples;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(60)
class DeadLetterSampleTest {

    @Test
    @DisplayName("6.2.10 Message acknowledgment (recover) / FerryMQ extension: redelivery with backoff, after maxDeliveryAttempts the dead-letter queue with its properties, then moveToOrigin brings it back with a fresh count")
    void backoffThenDeadLetterThenMoveBack() throws Exception {
        Output output = new Output();
        DeadLetterSample.run(new DeadLetterSample.Settings(3, 50, 3.0), output.stream());
        String text = output.text();

        assertThat(text).contains("consumer: attempt 1 (JMSRedelivered=false): payment service down -> recover()")
                .doesNotContain("attempt 4")
                .contains("3 attempts, then DLQ.orders")
                .contains("operator: on DLQ.orders: \"order-42\"")
                .contains("JMS_FERRYMQ_ORIGINAL_DESTINATION = orders")
                .contains("JMS_FERRYMQ_ORIGINAL_DESTINATION_TYPE = QUEUE")
                .contains("JMS_FERRYMQ_DLQ_REASON = maxDeliveryAttempts (3) reached")
                .contains("JMS_FERRYMQ_DELIVERY_COUNT = 3")
                .contains("operator: moveToOrigin(DLQ.orders, null) moved 1 message back to orders")
                .contains("consumer (fixed): processed \"order-42\" (JMSXDeliveryCount=1, no dead-letter properties), acknowledged")
                .contains("DLQ.orders now holds 0 messages");
        // backoff: 50 ms before the second attempt, 3 x 50 ms before the third (lower bounds only)
        assertThat(gapBefore(text, 2)).isGreaterThanOrEqualTo(45);
        assertThat(gapBefore(text, 3)).isGreaterThanOrEqualTo(140);
    }

    private static long gapBefore(String text, int attempt) {
        Matcher m = Pattern.compile("consumer: attempt " + attempt + " \\(JMSRedelivered=true\\) after (\\d+) ms")
                .matcher(text);
        assertThat(m.find()).as(text).isTrue();
        return Long.parseLong(m.group(1));
    }
}
