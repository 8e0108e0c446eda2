package dev.ferrymq.persistence;

import dev.ferrymq.engine.BrokerOptions;
import dev.ferrymq.engine.Brokers;
import dev.ferrymq.store.FaultyFiles;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The facade holds no lock while it waits for the disk: an acknowledgement waiting for its fsync
 * does not hold up a recover of the same session on another thread (FerryMQ lets acknowledge and
 * recover be called from other threads than the delivery thread).
 */
@Timeout(60)
class AcknowledgeOutsideLockTest extends PersistenceTestSupport {

    @Test
    @DisplayName("Message acknowledgment: recover on one thread goes ahead while acknowledge on another waits for its fsync")
    void recoverIsNotHeldUpByAnAcknowledgementWaitingForTheDisk() throws Exception {
        FaultyFiles disk = new FaultyFiles();
        Brokers.getOrStart(broker, BrokerOptions.DECLARED.parse(Map.of("store", "file", "dataDirectory", dir.toString())),
                c -> c.withChannelFactory(disk));
        try (Connection c = factory().createConnection()) {
            c.start();
            Session s = c.createSession(Session.CLIENT_ACKNOWLEDGE);
            Queue q = s.createQueue("acks");
            MessageProducer p = s.createProducer(q);
            MessageConsumer consumer = s.createConsumer(q);
            p.send(s.createTextMessage("stored"));
            Message stored = consumer.receive(5_000);
            assertThat(stored).isNotNull();

            disk.forceGate = new CountDownLatch(1);
            int writesBefore = disk.writes.get();
            CompletableFuture<Void> acknowledged = CompletableFuture.runAsync(() -> {
                try {
                    stored.acknowledge();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            BlockingQueue<Object> ticks = new LinkedBlockingQueue<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (disk.writes.get() == writesBefore && System.nanoTime() < deadline) {
                assertThat(acknowledged.isDone()).as("acknowledge must wait for the gated fsync").isFalse();
                assertThat(ticks.poll(5, TimeUnit.MILLISECONDS)).isNull();
            }
            assertThat(disk.writes.get()).as("the acknowledgement reached the journal").isGreaterThan(writesBefore);

            p.send(s.createTextMessage("memory only"), DeliveryMode.NON_PERSISTENT, 4, 0);
            Message inMemory = consumer.receive(5_000);
            assertThat(inMemory).isNotNull();
            CompletableFuture<Void> recovered = CompletableFuture.runAsync(() -> {
                try {
                    s.recover();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            recovered.get(5, TimeUnit.SECONDS);
            assertThat(acknowledged).as("still waiting for the disk").isNotDone();
            Message again = consumer.receive(5_000);
            assertThat(again).isNotNull();
            assertThat(again.getJMSRedelivered()).isTrue();
            assertThat(again.getBody(String.class)).isEqualTo("memory only");

            disk.forceGate.countDown();
            disk.forceGate = null;
            acknowledged.get(10, TimeUnit.SECONDS);
            again.acknowledge();
            assertThat(consumer.receive(200)).as("the stored message was acknowledged, not recovered").isNull();
        }
    }
}
