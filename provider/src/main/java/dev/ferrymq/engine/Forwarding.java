package dev.ferrymq.engine;

import dev.ferrymq.engine.queue.Address;
import dev.ferrymq.engine.queue.Publisher;
import dev.ferrymq.engine.queue.QueuePolicy;
import dev.ferrymq.spi.Completion;
import dev.ferrymq.spi.MessageData;

/**
 * Where a broker's queues send the messages they move (dead letters, expired messages): the
 * target queues by name, and the broker's one accept path for a message its queue did not store.
 *
 * <p>Threading: stateless apart from its broker, whose destinations and store it reads when
 * called (they exist by then); any thread.
 */
final class Forwarding implements QueuePolicy.Forwarder {

    /** The sender of messages the broker moves: no connection (noLocal excludes nothing). */
    private static final Publisher BROKER = () -> null;

    private final Broker broker;

    Forwarding(Broker broker) {
        this.broker = broker;
    }

    @Override
    public Address queue(String queueName) {
        return broker.destinations().queueForForward(queueName);
    }

    @Override
    public void accept(Address to, MessageData message, Completion<Void> done) {
        broker.store().accept().route(to, message, BROKER)
                .commitOrKeepInMemory("move message " + message.messageId() + " to " + to.ref(), done);
    }
}
