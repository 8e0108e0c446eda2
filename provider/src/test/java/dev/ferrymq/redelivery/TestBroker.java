package dev.ferrymq.redelivery;

import dev.ferrymq.FerryConnectionFactory;
import dev.ferrymq.engine.Broker;
import dev.ferrymq.engine.Brokers;
import dev.ferrymq.engine.queue.QueueStats;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** A broker of its own per test, with the given URL options; stopped on close. */
final class TestBroker implements AutoCloseable {

    final String name = "rd-" + UUID.randomUUID().toString().substring(0, 8);
    final FerryConnectionFactory factory;

    TestBroker(String options) {
        factory = new FerryConnectionFactory("vm://" + name + (options.isEmpty() ? "" : "?" + options));
    }

    QueueStats stats(String queue) throws Exception {
        Broker b = Brokers.find(name);
        CompletableFuture<QueueStats> f = new CompletableFuture<>();
        b.queueStats(queue, new dev.ferrymq.spi.Completion<>() {
            @Override
            public void complete(QueueStats result) {
                f.complete(result);
            }

            @Override
            public void fail(dev.ferrymq.spi.EngineException error) {
                f.completeExceptionally(error);
            }
        });
        return f.get(5, TimeUnit.SECONDS);
    }

    static String text(Message m) throws JMSException {
        return m == null ? null : ((TextMessage) m).getText();
    }

    /** Text plus {@code *count} when redelivered: {@code m1*2}. */
    static String describe(Message m) throws JMSException {
        if (m == null) {
            return null;
        }
        return text(m) + (m.getJMSRedelivered() ? "*" + m.getIntProperty("JMSXDeliveryCount") : "");
    }

    @Override
    public void close() {
        Brokers.stop(name);
    }
}
