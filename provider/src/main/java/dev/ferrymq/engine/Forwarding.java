package dev.ferrymq.engine;

import dev.ferrymq.engine.destination.Destinations;
import dev.ferrymq.engine.persistence.PersistentStore;
import dev.ferrymq.engine.queue.Address;
import dev.ferrymq.engine.queue.Publisher;
import dev.ferrymq.engine.queue.QueuePolicy;
import dev.ferrymq.spi.Completion;
import dev.ferrymq.spi.MessageData;

import java.util.function.Supplier;

/**
 * Where a broker's queues send the messages they move (dead letters, expired messages): the
 * target queues by name, and the broker's one accept path for a message its queue did not store.
 * It is made before the broker's destinations and store (their queues' policies need it), so it
 * is given them as suppliers, read when called.
 *
 * <p>Threading: stateless apart from the suppliers, which return objects that exist by the time a
 * queue forwards anything; any thread.
 */
final class Forwarding implements QueuePolicy.Forwarder {

    /** The sender of messages the broker moves: no connection (noLocal excludes nothing). */
    private static final Publisher BROKER = () -> null;

    private final Supplier<Destinations> destinations;
    private final Supplier<PersistentStore> store;

    Forwarding(Supplier<Destinations> destinations, Supplier<PersistentStore> store) {
        this.destinations = destinations;
        this.store = store;
    }

    @Override
    public Address queue(String queueName) {
        return destinations.get().queueForForward(queueName);
    }

    @Override
    public void accept(Address to, MessageData message, Completion<Void> done) {
        store.get().accept().route(to, message, BROKER)
                .commitOrKeepInMemory("move message " + message.messageId() + " to " + to.ref(), done);
    }
}
