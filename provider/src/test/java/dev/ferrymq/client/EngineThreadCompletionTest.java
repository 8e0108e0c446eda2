package dev.ferrymq.client;

import jakarta.jms.CompletionListener;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The same flows when the engine completes every call on its own thread rather than the caller's. */
@Timeout(30)
class EngineThreadCompletionTest {

    private final FakeBrokers brokers = new FakeBrokers();

    @Test
    @DisplayName("7.2/7.3 Synchronous and asynchronous send, receive, recover and commit with engine-thread completions")
    void flows() throws Exception {
        try (Connection c = brokers.factory("engineThread=true&prefetch=2").createConnection()) {
            c.start();
            Session s = c.createSession(Session.CLIENT_ACKNOWLEDGE);
            Queue q = s.createQueue("q");
            MessageProducer p = s.createProducer(q);
            List<String> completed = new CopyOnWriteArrayList<>();
            CountDownLatch done = new CountDownLatch(10);
            for (int i = 0; i < 10; i++) {
                p.send(s.createTextMessage("m" + i), new CompletionListener() {
                    @Override
                    public void onCompletion(Message message) {
                        try {
                            completed.add(((TextMessage) message).getText());
                        } catch (JMSException e) {
                            throw new RuntimeException(e);
                        }
                        done.countDown();
                    }

                    @Override
                    public void onException(Message message, Exception exception) {
                        done.countDown();
                    }
                });
            }
            p.send(s.createTextMessage("sync"));
            assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(completed).containsExactly("m0", "m1", "m2", "m3", "m4", "m5", "m6", "m7", "m8", "m9");
            MessageConsumer consumer = s.createConsumer(q);
            assertThat(((TextMessage) consumer.receive(5000)).getText()).isEqualTo("m0");
            s.recover();
            Message again = consumer.receive(5000);
            assertThat(again.getJMSRedelivered()).isTrue();
            for (int i = 1; i <= 10; i++) {
                assertThat(consumer.receive(5000)).isNotNull();
            }
            again.acknowledge();
            consumer.close();
            assertThat(brokers.broker.acknowledged.get()).isEqualTo(11);
            Session tx = c.createSession(Session.SESSION_TRANSACTED);
            tx.createProducer(q).send(tx.createMessage());
            tx.commit();
            assertThat(brokers.broker.queueDepth("q")).isEqualTo(1);
        }
    }
}
