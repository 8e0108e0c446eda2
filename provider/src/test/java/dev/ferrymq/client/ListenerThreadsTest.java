package dev.ferrymq.client;

import jakarta.jms.Connection;
import jakarta.jms.Session;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The listener thread pools ({@link ClientOptions#LISTENER_THREADS}): one per broker, bounded, shut
 * down with the broker's last connection. The facade against the fake engine.
 */
@Timeout(30)
class ListenerThreadsTest {

    /** Starts a listener on a queue of its own that blocks on {@code gate} and reports its thread. */
    private static CompletableFuture<Thread> blockingListener(Connection c, String queue, CountDownLatch gate)
            throws Exception {
        CompletableFuture<Thread> thread = new CompletableFuture<>();
        Session s = c.createSession();
        s.createConsumer(s.createQueue(queue)).setMessageListener(m -> {
            thread.complete(Thread.currentThread());
            try {
                gate.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        s.createProducer(s.createQueue(queue)).send(s.createMessage());
        return thread;
    }

    @Test
    @DisplayName("Listeners run on their broker's pool; when all its threads block, other brokers' listeners still run")
    void blockedListenersHoldUpOnlyTheirBroker() throws Exception {
        FakeBrokers a = new FakeBrokers();
        FakeBrokers b = new FakeBrokers();
        CountDownLatch gate = new CountDownLatch(1);
        try (Connection ca = a.factory("listenerThreads=2").createConnection();
             Connection cb = b.factory("listenerThreads=2").createConnection()) {
            ca.start();
            cb.start();
            Thread first = blockingListener(ca, "q1", gate).get(10, TimeUnit.SECONDS);
            Thread second = blockingListener(ca, "q2", gate).get(10, TimeUnit.SECONDS);
            assertThat(first.getName()).startsWith("ferrymq-client-" + a.name + "-");
            assertThat(second).isNotSameAs(first);
            CompletableFuture<Thread> third = blockingListener(ca, "q3", gate);
            CompletableFuture<Thread> other = blockingListener(cb, "q1", new CountDownLatch(0));
            assertThat(other.get(10, TimeUnit.SECONDS).getName())
                    .as("broker b's listener runs while broker a's two threads are blocked")
                    .startsWith("ferrymq-client-" + b.name + "-");
            assertThat(third).as("broker a's third listener waits for one of its two threads").isNotDone();
            gate.countDown();
            assertThat(third.get(10, TimeUnit.SECONDS)).isIn(first, second);
        }
    }

    @Test
    @DisplayName("The pool is shared by a broker's connections and its threads end when the last of them closes")
    void poolEndsWithTheLastConnection() throws Exception {
        FakeBrokers brokers = new FakeBrokers();
        Connection first = brokers.factory().createConnection();
        Connection second = brokers.factory().createConnection();
        first.start();
        second.start();
        Thread t1 = blockingListener(first, "q1", new CountDownLatch(0)).get(10, TimeUnit.SECONDS);
        first.close();
        Thread t2 = blockingListener(second, "q2", new CountDownLatch(0)).get(10, TimeUnit.SECONDS);
        assertThat(t2.getName()).as("the same pool serves the second connection").startsWith("ferrymq-client-" + brokers.name + "-");
        second.close();
        t1.join(10_000);
        t2.join(10_000);
        assertThat(t1.isAlive()).as("pool thread after the last connection closed").isFalse();
        assertThat(t2.isAlive()).isFalse();
    }
}
