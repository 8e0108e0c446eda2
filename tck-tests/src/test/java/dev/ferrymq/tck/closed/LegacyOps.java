package dev.ferrymq.tck.closed;

import static org.junit.jupiter.api.Named.named;

import java.util.List;

import jakarta.jms.DeliveryMode;
import jakarta.jms.MessageProducer;
import jakarta.jms.QueueConnection;
import jakarta.jms.QueueReceiver;
import jakarta.jms.QueueSender;
import jakarta.jms.QueueSession;
import jakarta.jms.Session;
import jakarta.jms.TopicConnection;
import jakarta.jms.TopicPublisher;
import jakarta.jms.TopicSession;
import jakarta.jms.TopicSubscriber;

import org.junit.jupiter.api.Named;

/**
 * The methods the legacy domain-specific interfaces add to the classic ones, and the destination
 * sends of an unidentified MessageProducer, as {@link Op}s. Constants only.
 */
final class LegacyOps {

    private LegacyOps() {
    }

    static final List<Named<Op<QueueConnection>>> QUEUE_CONNECTION = List.of(
            named("createQueueSession", (c, f) -> c.createQueueSession(false, Session.AUTO_ACKNOWLEDGE)),
            named("createConnectionConsumer(Queue)", (c, f) -> c.createConnectionConsumer(f.queue(), null, null, 1)));

    static final List<Named<Op<TopicConnection>>> TOPIC_CONNECTION = List.of(
            named("createTopicSession", (c, f) -> c.createTopicSession(false, Session.AUTO_ACKNOWLEDGE)),
            named("createConnectionConsumer(Topic)", (c, f) -> c.createConnectionConsumer(f.topic(), null, null, 1)),
            named("createDurableConnectionConsumer", (c, f) -> c.createDurableConnectionConsumer(f.topic(), "d", null, null, 1)));

    static final List<Named<Op<QueueSession>>> QUEUE_SESSION = List.of(
            named("createReceiver(Queue)", (s, f) -> s.createReceiver(f.queue())),
            named("createReceiver(Queue, String)", (s, f) -> s.createReceiver(f.queue(), "a = 1")),
            named("createSender", (s, f) -> s.createSender(f.queue())),
            named("createQueue", (s, f) -> s.createQueue("closed.q")),
            named("createBrowser(Queue)", (s, f) -> s.createBrowser(f.queue())),
            named("createTemporaryQueue", (s, f) -> s.createTemporaryQueue()));

    static final List<Named<Op<TopicSession>>> TOPIC_SESSION = List.of(
            named("createSubscriber(Topic)", (s, f) -> s.createSubscriber(f.topic())),
            named("createSubscriber(Topic, String, boolean)", (s, f) -> s.createSubscriber(f.topic(), "a = 1", true)),
            named("createPublisher", (s, f) -> s.createPublisher(f.topic())),
            named("createTopic", (s, f) -> s.createTopic("closed.t")),
            named("createDurableSubscriber(Topic, String)", (s, f) -> s.createDurableSubscriber(f.topic(), "d")),
            named("createTemporaryTopic", (s, f) -> s.createTemporaryTopic()),
            named("unsubscribe", (s, f) -> s.unsubscribe("d")));

    static final List<Named<Op<QueueSender>>> QUEUE_SENDER = List.of(
            named("getQueue", (p, f) -> p.getQueue()),
            named("send(Message)", (p, f) -> p.send(f.message())));

    /** Sends naming their queue: valid on a sender created without one. */
    static final List<Named<Op<QueueSender>>> UNIDENTIFIED_QUEUE_SENDER = List.of(
            named("send(Queue, Message)", (p, f) -> p.send(f.queue(), f.message())),
            named("send(Queue, Message, int, int, long)",
                    (p, f) -> p.send(f.queue(), f.message(), DeliveryMode.PERSISTENT, 4, 0)));

    static final List<Named<Op<TopicPublisher>>> TOPIC_PUBLISHER = List.of(
            named("getTopic", (p, f) -> p.getTopic()),
            named("publish(Message)", (p, f) -> p.publish(f.message())),
            named("publish(Message, int, int, long)", (p, f) -> p.publish(f.message(), DeliveryMode.PERSISTENT, 4, 0)));

    /** Publishes naming their topic: valid on a publisher created without one. */
    static final List<Named<Op<TopicPublisher>>> UNIDENTIFIED_TOPIC_PUBLISHER = List.of(
            named("publish(Topic, Message)", (p, f) -> p.publish(f.topic(), f.message())),
            named("publish(Topic, Message, int, int, long)",
                    (p, f) -> p.publish(f.topic(), f.message(), DeliveryMode.PERSISTENT, 4, 0)));

    static final List<Named<Op<QueueReceiver>>> QUEUE_RECEIVER = List.of(
            named("getQueue", (r, f) -> r.getQueue()),
            named("receive()", (r, f) -> r.receive()),
            named("receiveNoWait", (r, f) -> r.receiveNoWait()));

    static final List<Named<Op<TopicSubscriber>>> TOPIC_SUBSCRIBER = List.of(
            named("getTopic", (s, f) -> s.getTopic()),
            named("getNoLocal", (s, f) -> s.getNoLocal()),
            named("receive(long)", (s, f) -> s.receive(100)));

    /** Sends naming their destination: valid on a producer created without one. */
    static final List<Named<Op<MessageProducer>>> UNIDENTIFIED_PRODUCER = List.of(
            named("send(Destination, Message)", (p, f) -> p.send(f.queue(), f.message())),
            named("send(Destination, Message, int, int, long)",
                    (p, f) -> p.send(f.queue(), f.message(), DeliveryMode.PERSISTENT, 4, 0)),
            named("send(Destination, Message, CompletionListener)",
                    (p, f) -> p.send(f.queue(), f.message(), ClassicOps.NO_OP_LISTENER)),
            named("send(Destination, Message, int, int, long, CompletionListener)",
                    (p, f) -> p.send(f.queue(), f.message(), DeliveryMode.PERSISTENT, 4, 0, ClassicOps.NO_OP_LISTENER)));
}
