package dev.ferrymq.persistence;

import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A transacted consumer that commits after its message timed out (ackTimeout) and went to
 * another consumer: the commit consumed the stored message, and the other consumer's
 * acknowledgement of its (duplicate) delivery still succeeds; after a restart the message is
 * gone. README "Acknowledgement and redelivery" (ackTimeout), 6.2.8 Transactions.
 */
class AckTimeoutCommitRaceTest extends PersistenceTestSupport {

    private static final long WAIT = 5000;

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    @DisplayName("ackTimeout / 6.2.8 Transactions: a late commit of a timed-out stored message, then the second consumer's acknowledge, both succeed; the message does not come back")
    void lateCommitThenOtherAcknowledge() throws Exception {
        String url = url("ackTimeout=300&prefetch=1");
        try (JMSContext slow = new dev.ferrymq.FerryConnectionFactory(url).createContext(JMSContext.SESSION_TRANSACTED);
             JMSContext other = new dev.ferrymq.FerryConnectionFactory(url).createContext(JMSContext.CLIENT_ACKNOWLEDGE)) {
            Queue q = slow.createQueue("raced");
            slow.createProducer().send(q, "m");
            slow.commit();
            JMSConsumer a = slow.createConsumer(q);
            assertThat(a.receiveBody(String.class, WAIT)).isEqualTo("m");
            Message again = other.createConsumer(q).receive(WAIT);
            assertThat(again).as("redelivered to the other consumer after the timeout").isNotNull();
            slow.commit();
            again.acknowledge();
        }
        restart();
        try (JMSContext ctx = context(JMSContext.AUTO_ACKNOWLEDGE)) {
            assertThat(ctx.createConsumer(ctx.createQueue("raced")).receive(300)).isNull();
        }
    }
}
