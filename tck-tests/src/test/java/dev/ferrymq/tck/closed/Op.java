package dev.ferrymq.tck.closed;

import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.Topic;

/**
 * One method call on an object of type {@code T}, made with destinations and a message prepared
 * before the object was closed.
 */
@FunctionalInterface
interface Op<T> {

    /** What an operation may use: made while everything was still open. */
    record Fixture(Queue queue, Topic topic, Message message) {
    }

    void apply(T target, Fixture f) throws Exception;
}
