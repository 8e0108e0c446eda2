package dev.ferrymq.engine.queue;

import dev.ferrymq.engine.exec.EngineRuntime;
import dev.ferrymq.spi.DestinationRef;

import java.util.function.Function;

/**
 * Makes a broker's queues (queue destinations, temporary queues, subscriptions' queues): each
 * under the policy of its destination, and announced to the broker's {@link QueueObserver} once
 * made and once deleted. The queue itself knows no observer: whoever makes queues tells about them.
 *
 * <p>Threading contract: immutable; {@link #create} may be called from any thread, and calls
 * {@link QueueObserver#created} on it.
 */
public final class QueueFactory {

    private final EngineRuntime runtime;
    private final Function<String, QueuePolicy> policies;
    private final ExpirySweeper sweeper;
    private final AckTimeoutSweeper ackSweeper;
    private final QueueObserver observer;

    /**
     * @param policies the policy of a destination, by the destination's name
     * @param sweeper  the broker's expiry sweep, handed to every queue made
     * @param ackSweeper the broker's acknowledgement-timeout sweep, handed to every queue made
     * @param observer told of every queue made and deleted
     */
    public QueueFactory(EngineRuntime runtime, Function<String, QueuePolicy> policies, ExpirySweeper sweeper,
                        AckTimeoutSweeper ackSweeper, QueueObserver observer) {
        this.runtime = runtime;
        this.policies = policies;
        this.sweeper = sweeper;
        this.ackSweeper = ackSweeper;
        this.observer = observer;
    }

    /**
     * A new queue {@code name} for messages sent to {@code ref}, under the policy of destination
     * {@code ref.name()} (the topic's, for a subscription's queue).
     */
    public MessageQueue create(DestinationRef ref, String name) {
        MessageQueue queue = new MessageQueue(ref, name, runtime, policies.apply(ref.name()), sweeper,
                ackSweeper, observer::deleted);
        observer.created(queue);
        return queue;
    }
}
