package dev.ferrymq.limits;

import dev.ferrymq.FerryConnectionFactory;
import dev.ferrymq.engine.Brokers;
import dev.ferrymq.engine.queue.MessageQueue;
import dev.ferrymq.engine.queue.QueueLimits;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/** A broker of its own per test, with the given URL options; stopped on close. */
final class LimitBroker implements AutoCloseable {

    final String name = "lim-" + UUID.randomUUID().toString().substring(0, 8);
    final FerryConnectionFactory factory;

    LimitBroker(String options) {
        factory = new FerryConnectionFactory("vm://" + name + "?" + options);
    }

    /** The memory bound of queue (or subscription queue) {@code queueName}. */
    QueueLimits limits(String queueName) {
        AtomicReference<MessageQueue> found = new AtomicReference<>();
        Brokers.find(name).destinations().forEachQueue(q -> {
            if (q.name().equals(queueName)) {
                found.set(q);
            }
        });
        return found.get() == null ? null : found.get().limits();
    }

    @Override
    public void close() {
        Brokers.stop(name);
    }
}
