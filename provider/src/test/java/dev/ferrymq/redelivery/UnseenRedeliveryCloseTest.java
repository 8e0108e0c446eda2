package dev.ferrymq.redelivery;

import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A redelivery the application never saw (recovered or rolled back, still in the consumer's
 * buffer when its session closes) does not count as a delivery: it comes back with the same
 * JMSXDeliveryCount and is not dead-lettered early. Spec 3.5.9 JMSXDeliveryCount ("the number of
 * message delivery attempts"), 6.2.11 Recovery and redelivery.
 */
class UnseenRedeliveryCloseTest {

    private static final long WAIT = 5000;

    @Test
    @DisplayName("3.5.9 JMSXDeliveryCount: closing a session holding an unseen local redelivery does not count it")
    void closingWithUnseenRedeliveryKeepsTheCount() throws Exception {
        for (int mode : new int[]{Session.CLIENT_ACKNOWLEDGE, Session.SESSION_TRANSACTED}) {
            try (TestBroker b = new TestBroker("maxDeliveryAttempts=2"); Connection c = b.factory.createConnection()) {
                c.start();
                Session s = c.createSession(mode == Session.SESSION_TRANSACTED, mode);
                Queue q = s.createQueue("unseen");
                MessageProducer p = s.createProducer(q);
                p.send(s.createTextMessage("one"));
                if (mode == Session.SESSION_TRANSACTED) {
                    s.commit();
                }
                MessageConsumer consumer = s.createConsumer(q);
                assertThat(consumer.receive(WAIT).getIntProperty("JMSXDeliveryCount")).isEqualTo(1);
                if (mode == Session.SESSION_TRANSACTED) {
                    s.rollback();
                } else {
                    s.recover();
                }
                s.close();
                Session again = c.createSession(Session.CLIENT_ACKNOWLEDGE);
                Message m = again.createConsumer(q).receive(WAIT);
                assertThat(m).as("mode " + mode + ": still on its queue, not dead-lettered").isNotNull();
                assertThat(m.getIntProperty("JMSXDeliveryCount")).as("mode " + mode).isEqualTo(2);
                assertThat(m.getJMSRedelivered()).isTrue();
                m.acknowledge();
            }
        }
    }
}
