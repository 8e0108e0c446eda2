package dev.ferrymq.engine.topic;

import dev.ferrymq.engine.queue.MessageQueue;
import dev.ferrymq.engine.queue.Publisher;
import dev.ferrymq.spi.MessageData;

/**
 * What a {@link Topic} fans a message out to: a filter in front of a queue. It is all a topic
 * needs of its subscriptions, so a topic is read without {@link Subscription} (which knows its
 * topic) in mind; {@link Subscription} is the one implementation.
 *
 * <p>Threading contract: {@link #accepts} and {@link #queue} run on sender threads, without locks,
 * and must not block; both read only immutable state.
 */
interface FanOutTarget {

    /** Whether a message sent by {@code publisher} belongs in this target's queue. */
    boolean accepts(MessageData m, Publisher publisher);

    /** The queue the accepted messages go to. */
    MessageQueue queue();
}
