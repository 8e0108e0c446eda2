package dev.ferrymq.tck.closed;

import static org.junit.jupiter.api.Named.named;

import java.util.List;

import jakarta.jms.CompletionListener;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;

import org.junit.jupiter.api.Named;

/** Every method (but close) of the classic API interfaces, as {@link Op}s. Constants only. */
final class ClassicOps {

    private ClassicOps() {
    }

    static final CompletionListener NO_OP_LISTENER = new CompletionListener() {
        @Override
        public void onCompletion(Message message) {
        }

        @Override
        public void onException(Message message, Exception exception) {
        }
    };

    static final List<Named<Op<Connection>>> CONNECTION = List.of(
            named("createSession()", (c, f) -> c.createSession()),
            named("createSession(int)", (c, f) -> c.createSession(Session.AUTO_ACKNOWLEDGE)),
            named("createSession(boolean, int)", (c, f) -> c.createSession(false, Session.AUTO_ACKNOWLEDGE)),
            named("getClientID", (c, f) -> c.getClientID()),
            named("setClientID", (c, f) -> c.setClientID("closed-client")),
            named("getMetaData", (c, f) -> c.getMetaData()),
            named("getExceptionListener", (c, f) -> c.getExceptionListener()),
            named("setExceptionListener", (c, f) -> c.setExceptionListener(e -> { })),
            named("start", (c, f) -> c.start()),
            named("stop", (c, f) -> c.stop()),
            named("createConnectionConsumer", (c, f) -> c.createConnectionConsumer(f.queue(), null, null, 1)),
            named("createSharedConnectionConsumer", (c, f) -> c.createSharedConnectionConsumer(f.topic(), "s", null, null, 1)),
            named("createDurableConnectionConsumer", (c, f) -> c.createDurableConnectionConsumer(f.topic(), "d", null, null, 1)),
            named("createSharedDurableConnectionConsumer",
                    (c, f) -> c.createSharedDurableConnectionConsumer(f.topic(), "sd", null, null, 1)));

    static final List<Named<Op<Session>>> SESSION = List.of(
            named("createBytesMessage", (s, f) -> s.createBytesMessage()),
            named("createMapMessage", (s, f) -> s.createMapMessage()),
            named("createMessage", (s, f) -> s.createMessage()),
            named("createObjectMessage()", (s, f) -> s.createObjectMessage()),
            named("createObjectMessage(Serializable)", (s, f) -> s.createObjectMessage("o")),
            named("createStreamMessage", (s, f) -> s.createStreamMessage()),
            named("createTextMessage()", (s, f) -> s.createTextMessage()),
            named("createTextMessage(String)", (s, f) -> s.createTextMessage("t")),
            named("getTransacted", (s, f) -> s.getTransacted()),
            named("getAcknowledgeMode", (s, f) -> s.getAcknowledgeMode()),
            named("commit", (s, f) -> s.commit()),
            named("rollback", (s, f) -> s.rollback()),
            named("recover", (s, f) -> s.recover()),
            named("getMessageListener", (s, f) -> s.getMessageListener()),
            named("setMessageListener", (s, f) -> s.setMessageListener(m -> { })),
            named("createProducer", (s, f) -> s.createProducer(f.queue())),
            named("createConsumer(Destination)", (s, f) -> s.createConsumer(f.queue())),
            named("createConsumer(Destination, String)", (s, f) -> s.createConsumer(f.queue(), "a = 1")),
            named("createConsumer(Destination, String, boolean)", (s, f) -> s.createConsumer(f.topic(), "a = 1", true)),
            named("createSharedConsumer(Topic, String)", (s, f) -> s.createSharedConsumer(f.topic(), "s")),
            named("createSharedConsumer(Topic, String, String)", (s, f) -> s.createSharedConsumer(f.topic(), "s", "a = 1")),
            named("createQueue", (s, f) -> s.createQueue("closed.q")),
            named("createTopic", (s, f) -> s.createTopic("closed.t")),
            named("createDurableSubscriber(Topic, String)", (s, f) -> s.createDurableSubscriber(f.topic(), "d")),
            named("createDurableSubscriber(Topic, String, String, boolean)",
                    (s, f) -> s.createDurableSubscriber(f.topic(), "d", null, false)),
            named("createDurableConsumer(Topic, String)", (s, f) -> s.createDurableConsumer(f.topic(), "d")),
            named("createDurableConsumer(Topic, String, String, boolean)",
                    (s, f) -> s.createDurableConsumer(f.topic(), "d", null, false)),
            named("createSharedDurableConsumer(Topic, String)", (s, f) -> s.createSharedDurableConsumer(f.topic(), "sd")),
            named("createSharedDurableConsumer(Topic, String, String)",
                    (s, f) -> s.createSharedDurableConsumer(f.topic(), "sd", null)),
            named("createBrowser(Queue)", (s, f) -> s.createBrowser(f.queue())),
            named("createBrowser(Queue, String)", (s, f) -> s.createBrowser(f.queue(), "a = 1")),
            named("createTemporaryQueue", (s, f) -> s.createTemporaryQueue()),
            named("createTemporaryTopic", (s, f) -> s.createTemporaryTopic()),
            named("unsubscribe", (s, f) -> s.unsubscribe("d")));

    static final List<Named<Op<MessageProducer>>> PRODUCER = List.of(
            named("getDestination", (p, f) -> p.getDestination()),
            named("getDeliveryMode", (p, f) -> p.getDeliveryMode()),
            named("setDeliveryMode", (p, f) -> p.setDeliveryMode(DeliveryMode.NON_PERSISTENT)),
            named("getPriority", (p, f) -> p.getPriority()),
            named("setPriority", (p, f) -> p.setPriority(5)),
            named("getTimeToLive", (p, f) -> p.getTimeToLive()),
            named("setTimeToLive", (p, f) -> p.setTimeToLive(1000)),
            named("getDeliveryDelay", (p, f) -> p.getDeliveryDelay()),
            named("setDeliveryDelay", (p, f) -> p.setDeliveryDelay(10)),
            named("getDisableMessageID", (p, f) -> p.getDisableMessageID()),
            named("setDisableMessageID", (p, f) -> p.setDisableMessageID(true)),
            named("getDisableMessageTimestamp", (p, f) -> p.getDisableMessageTimestamp()),
            named("setDisableMessageTimestamp", (p, f) -> p.setDisableMessageTimestamp(true)),
            named("send(Message)", (p, f) -> p.send(f.message())),
            named("send(Message, int, int, long)", (p, f) -> p.send(f.message(), DeliveryMode.PERSISTENT, 4, 0)),
            named("send(Message, CompletionListener)", (p, f) -> p.send(f.message(), NO_OP_LISTENER)),
            named("send(Message, int, int, long, CompletionListener)",
                    (p, f) -> p.send(f.message(), DeliveryMode.PERSISTENT, 4, 0, NO_OP_LISTENER)));

    static final List<Named<Op<MessageConsumer>>> CONSUMER = List.of(
            named("getMessageSelector", (c, f) -> c.getMessageSelector()),
            named("getMessageListener", (c, f) -> c.getMessageListener()),
            named("setMessageListener", (c, f) -> c.setMessageListener(m -> { })),
            named("receive()", (c, f) -> c.receive()),
            named("receive(long)", (c, f) -> c.receive(100)),
            named("receiveNoWait", (c, f) -> c.receiveNoWait()));

    static final List<Named<Op<QueueBrowser>>> BROWSER = List.of(
            named("getQueue", (b, f) -> b.getQueue()),
            named("getMessageSelector", (b, f) -> b.getMessageSelector()),
            named("getEnumeration", (b, f) -> b.getEnumeration()));
}
