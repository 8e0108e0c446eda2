package dev.ferrymq.tck.closed;

import static org.junit.jupiter.api.Named.named;

import java.util.List;
import java.util.Map;

import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;

import org.junit.jupiter.api.Named;

/** Every method (but close) of JMSContext and JMSConsumer, and JMSProducer's sends, as {@link Op}s. */
final class SimplifiedOps {

    private SimplifiedOps() {
    }

    static final List<Named<Op<JMSContext>>> CONTEXT = List.of(
            named("createContext", (c, f) -> c.createContext(JMSContext.AUTO_ACKNOWLEDGE)),
            named("createProducer", (c, f) -> c.createProducer()),
            named("getClientID", (c, f) -> c.getClientID()),
            named("setClientID", (c, f) -> c.setClientID("closed-ctx")),
            named("getMetaData", (c, f) -> c.getMetaData()),
            named("getExceptionListener", (c, f) -> c.getExceptionListener()),
            named("setExceptionListener", (c, f) -> c.setExceptionListener(e -> { })),
            named("start", (c, f) -> c.start()),
            named("stop", (c, f) -> c.stop()),
            named("setAutoStart", (c, f) -> c.setAutoStart(false)),
            named("getAutoStart", (c, f) -> c.getAutoStart()),
            named("createBytesMessage", (c, f) -> c.createBytesMessage()),
            named("createMapMessage", (c, f) -> c.createMapMessage()),
            named("createMessage", (c, f) -> c.createMessage()),
            named("createObjectMessage()", (c, f) -> c.createObjectMessage()),
            named("createObjectMessage(Serializable)", (c, f) -> c.createObjectMessage("o")),
            named("createStreamMessage", (c, f) -> c.createStreamMessage()),
            named("createTextMessage()", (c, f) -> c.createTextMessage()),
            named("createTextMessage(String)", (c, f) -> c.createTextMessage("t")),
            named("getTransacted", (c, f) -> c.getTransacted()),
            named("getSessionMode", (c, f) -> c.getSessionMode()),
            named("commit", (c, f) -> c.commit()),
            named("rollback", (c, f) -> c.rollback()),
            named("recover", (c, f) -> c.recover()),
            named("createConsumer(Destination)", (c, f) -> c.createConsumer(f.queue())),
            named("createConsumer(Destination, String)", (c, f) -> c.createConsumer(f.queue(), "a = 1")),
            named("createConsumer(Destination, String, boolean)", (c, f) -> c.createConsumer(f.topic(), "a = 1", true)),
            named("createSharedConsumer(Topic, String)", (c, f) -> c.createSharedConsumer(f.topic(), "s")),
            named("createSharedConsumer(Topic, String, String)", (c, f) -> c.createSharedConsumer(f.topic(), "s", null)),
            named("createDurableConsumer(Topic, String)", (c, f) -> c.createDurableConsumer(f.topic(), "d")),
            named("createDurableConsumer(Topic, String, String, boolean)",
                    (c, f) -> c.createDurableConsumer(f.topic(), "d", null, false)),
            named("createSharedDurableConsumer(Topic, String)", (c, f) -> c.createSharedDurableConsumer(f.topic(), "sd")),
            named("createSharedDurableConsumer(Topic, String, String)",
                    (c, f) -> c.createSharedDurableConsumer(f.topic(), "sd", null)),
            named("createQueue", (c, f) -> c.createQueue("closed.q")),
            named("createTopic", (c, f) -> c.createTopic("closed.t")),
            named("createBrowser(Queue)", (c, f) -> c.createBrowser(f.queue())),
            named("createBrowser(Queue, String)", (c, f) -> c.createBrowser(f.queue(), "a = 1")),
            named("createTemporaryQueue", (c, f) -> c.createTemporaryQueue()),
            named("createTemporaryTopic", (c, f) -> c.createTemporaryTopic()),
            named("unsubscribe", (c, f) -> c.unsubscribe("d")),
            named("acknowledge", (c, f) -> c.acknowledge()));

    static final List<Named<Op<JMSConsumer>>> CONSUMER = List.of(
            named("getMessageSelector", (c, f) -> c.getMessageSelector()),
            named("getMessageListener", (c, f) -> c.getMessageListener()),
            named("setMessageListener", (c, f) -> c.setMessageListener(m -> { })),
            named("receive()", (c, f) -> c.receive()),
            named("receive(long)", (c, f) -> c.receive(100)),
            named("receiveNoWait", (c, f) -> c.receiveNoWait()),
            named("receiveBody(Class)", (c, f) -> c.receiveBody(String.class)),
            named("receiveBody(Class, long)", (c, f) -> c.receiveBody(String.class, 100)),
            named("receiveBodyNoWait", (c, f) -> c.receiveBodyNoWait(String.class)));

    static final List<Named<Op<JMSProducer>>> PRODUCER_SENDS = List.of(
            named("send(Destination, Message)", (p, f) -> p.send(f.queue(), f.message())),
            named("send(Destination, String)", (p, f) -> p.send(f.queue(), "s")),
            named("send(Destination, Map)", (p, f) -> p.send(f.queue(), Map.<String, Object>of("a", 1))),
            named("send(Destination, byte[])", (p, f) -> p.send(f.queue(), new byte[] {1})),
            named("send(Destination, Serializable)", (p, f) -> p.send(f.queue(), Integer.valueOf(1))));
}
