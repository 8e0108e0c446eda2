package dev.ferrymq.client;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(60)
class ManySessionsTest {

    @Test
    @DisplayName("6.2.14 Concurrent message delivery: thousands of sessions with listeners share a bounded pool of threads")
    void thousandsOfSessions() throws Exception {
        FakeBrokers brokers = new FakeBrokers();
        int sessions = 2000;
        Set<Thread> threads = ConcurrentHashMap.newKeySet();
        CountDownLatch delivered = new CountDownLatch(sessions);
        try (Connection c = brokers.factory("prefetch=1").createConnection()) {
            for (int i = 0; i < sessions; i++) {
                Session s = c.createSession();
                s.createConsumer(s.createQueue("q" + i)).setMessageListener(m -> {
                    threads.add(Thread.currentThread());
                    delivered.countDown();
                });
            }
            c.start();
            Session sender = c.createSession();
            MessageProducer p = sender.createProducer(null);
            for (int i = 0; i < sessions; i++) {
                Queue q = sender.createQueue("q" + i);
                p.send(q, sender.createMessage());
            }
            assertThat(delivered.await(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(threads.size()).isLessThanOrEqualTo(ClientOptions.LISTENER_THREADS.defaultValue());
    }
}
