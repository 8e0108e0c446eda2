package dev.ferrymq.persistence;

import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.Queue;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A stored message is handed to its consumer only once its delivery count is durable; the
 * messages delivered after it to the same consumer wait behind it, so one consumer sees one
 * producer's messages in send order even when PERSISTENT and NON_PERSISTENT ones alternate.
 */
class MixedDeliveryModeOrderTest extends PersistenceTestSupport {

    @Test
    @DisplayName("6.2.9.1 Order of message receipt: alternating PERSISTENT and NON_PERSISTENT sends arrive in send order on the file store")
    void alternatingModesKeepSendOrder() {
        List<String> sent = new ArrayList<>();
        List<String> received = new ArrayList<>();
        try (JMSContext ctx = context(JMSContext.AUTO_ACKNOWLEDGE)) {
            Queue q = ctx.createQueue("mixed-order");
            JMSConsumer consumer = ctx.createConsumer(q);
            JMSProducer persistent = ctx.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT);
            JMSProducer volatileOne = ctx.createProducer().setDeliveryMode(DeliveryMode.NON_PERSISTENT);
            for (int i = 0; i < 40; i++) {
                String body = (i % 2 == 0 ? "p" : "np") + i;
                (i % 2 == 0 ? persistent : volatileOne).send(q, body);
                sent.add(body);
            }
            for (int i = 0; i < sent.size(); i++) {
                received.add(consumer.receiveBody(String.class, 5000));
            }
        }
        assertThat(received).containsExactlyElementsOf(sent);
    }
}
