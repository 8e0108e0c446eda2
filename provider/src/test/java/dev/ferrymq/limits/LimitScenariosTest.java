package dev.ferrymq.limits;

import dev.ferrymq.engine.queue.QueueLimits;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.ResourceAllocationException;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import jakarta.jms.TransactionRolledBackException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Memory limits on topic subscriptions, in transactions and with a consumer that stopped. */
@Timeout(30)
class LimitScenariosTest {

    private static String text(Message m) throws JMSException {
        return m == null ? null : ((TextMessage) m).getText();
    }

    @Test
    @DisplayName("FerryMQ extension: a topic's limit applies to each subscription; a full subscription fails the "
            + "publish (fullPolicy=fail) and no subscription gets that message")
    void topicSubscriptionLimit() throws Exception {
        try (LimitBroker b = new LimitBroker("maxQueueMessages@prices=2&fullPolicy=fail");
             Connection live = b.factory.createConnection(); Connection idle = b.factory.createConnection()) {
            live.start();
            Session ls = live.createSession();
            Topic prices = ls.createTopic("prices");
            MessageConsumer reader = ls.createConsumer(prices);
            idle.createSession().createConsumer(prices);
            Session ps = live.createSession();
            MessageProducer p = ps.createProducer(prices);
            p.send(ps.createTextMessage("p1"));
            p.send(ps.createTextMessage("p2"));
            assertThat(text(reader.receive(5000))).isEqualTo("p1");
            assertThat(text(reader.receive(5000))).isEqualTo("p2");
            assertThatThrownBy(() -> p.send(ps.createTextMessage("p3")))
                    .isInstanceOf(ResourceAllocationException.class)
                    .hasMessageContaining("prices::")
                    .hasMessageContaining("limits of 'prices'");
            assertThat(reader.receive(200)).as("a refused publish reaches no subscription").isNull();
        }
    }

    @Test
    @DisplayName("Jakarta Messaging 6.2.7 Transactions, FerryMQ extension fullPolicy=fail: a commit whose sends do "
            + "not fit fails with TransactionRolledBackException giving the reason; nothing of it is delivered")
    void transactedCommitFails() throws Exception {
        try (LimitBroker b = new LimitBroker("maxQueueMessages=1&fullPolicy=fail");
             Connection c = b.factory.createConnection()) {
            c.start();
            Session plain = c.createSession();
            Queue q = plain.createQueue("tx");
            plain.createProducer(q).send(plain.createTextMessage("already"));
            Session tx = c.createSession(true, Session.SESSION_TRANSACTED);
            tx.createProducer(q).send(tx.createTextMessage("in-tx"));
            assertThatThrownBy(tx::commit)
                    .isInstanceOf(TransactionRolledBackException.class)
                    .hasMessageContaining("rolled back")
                    .hasMessageContaining("queue 'tx'");
            MessageConsumer consumer = plain.createConsumer(q);
            assertThat(text(consumer.receive(5000))).isEqualTo("already");
            assertThat(consumer.receive(200)).isNull();
            tx.createProducer(q).send(tx.createTextMessage("retry"));
            tx.commit();
            assertThat(text(consumer.receive(5000))).isEqualTo("retry");
        }
    }

    @Test
    @DisplayName("Jakarta Messaging 6.2.7 Transactions, FerryMQ extension fullPolicy=block: a commit waits for space "
            + "up to sendTimeout, then fails with TransactionRolledBackException")
    void transactedCommitBlocksThenRollsBack() throws Exception {
        try (LimitBroker b = new LimitBroker("maxQueueMessages=1&sendTimeout=300");
             Connection c = b.factory.createConnection()) {
            Session plain = c.createSession();
            Queue q = plain.createQueue("txb");
            plain.createProducer(q).send(plain.createTextMessage("already"));
            Session tx = c.createSession(true, Session.SESSION_TRANSACTED);
            tx.createProducer(q).send(tx.createTextMessage("in-tx"));
            long start = System.nanoTime();
            assertThatThrownBy(tx::commit)
                    .isInstanceOf(TransactionRolledBackException.class)
                    .hasMessageContaining("timed out after");
            assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(250L);
        }
    }

    @Test
    @DisplayName("FerryMQ extension: a consumer that stops consuming and a fast producer: the queue stays within "
            + "maxQueueBytes, the producer is refused (fullPolicy=fail) instead of the heap filling")
    void stoppedConsumerStaysBounded() throws Exception {
        long limit = 64 * 1024;
        try (LimitBroker b = new LimitBroker("maxQueueBytes=" + limit + "&fullPolicy=fail&prefetch=10");
             Connection c = b.factory.createConnection()) {
            c.start();
            Session s = c.createSession(Session.CLIENT_ACKNOWLEDGE);
            Queue q = s.createQueue("firehose");
            MessageConsumer stopped = s.createConsumer(q);
            MessageProducer p = s.createProducer(q);
            p.send(s.createTextMessage("x".repeat(100)));
            assertThat(stopped.receive(5000)).as("the consumer took one, then stops").isNotNull();
            int accepted = 0;
            int refused = 0;
            for (int i = 0; i < 10_000; i++) {
                try {
                    p.send(s.createTextMessage("x".repeat(100)));
                    accepted++;
                } catch (ResourceAllocationException full) {
                    refused++;
                }
            }
            QueueLimits limits = b.limits("firehose");
            assertThat(refused).isPositive();
            assertThat(accepted).isLessThan(1000);
            assertThat(limits.heldBytes()).isBetween(limit - 1000, limit + 1000);
            assertThat(limits.heldMessages()).isEqualTo(accepted + 1L);
        }
    }
}
