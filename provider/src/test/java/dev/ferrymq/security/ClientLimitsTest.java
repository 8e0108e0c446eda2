package dev.ferrymq.security;

import dev.ferrymq.FerryConnectionFactory;
import dev.ferrymq.engine.Brokers;
import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.JMSContext;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.ResourceAllocationException;
import jakarta.jms.ResourceAllocationRuntimeException;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Limits against a bad client (spec 10.3 "Standard exceptions", ResourceAllocationException: "a
 * provider is unable to allocate the resources required by a method"): each refusal names the
 * limit and its option, and the refused message is not enqueued.
 */
@Timeout(60)
class ClientLimitsTest {

    private final String broker = "limits-" + UUID.randomUUID();

    @AfterEach
    void stop() {
        Brokers.stop(broker);
    }

    private FerryConnectionFactory factory(String options) {
        return new FerryConnectionFactory("vm://" + broker + "?" + options);
    }

    @Test
    @DisplayName("maxMessageSize: a larger message fails with ResourceAllocationException naming the option; smaller ones pass")
    void messageSize() throws Exception {
        try (Connection c = factory("maxMessageSize=2000").createConnection()) {
            Session s = c.createSession();
            Queue q = s.createQueue("big");
            MessageProducer p = s.createProducer(q);
            BytesMessage large = s.createBytesMessage();
            large.writeBytes(new byte[4000]);
            assertThatThrownBy(() -> p.send(large)).isInstanceOf(ResourceAllocationException.class)
                    .hasMessageContaining("maxMessageSize").hasMessageContaining("2000");
            jakarta.jms.MapMessage map = s.createMapMessage();
            map.setBytes("blob", new byte[4000]);
            assertThatThrownBy(() -> p.send(map)).as("map values count with their size")
                    .isInstanceOf(ResourceAllocationException.class).hasMessageContaining("maxMessageSize");
            TextMessage bigProperty = s.createTextMessage("t");
            bigProperty.setStringProperty("note", "x".repeat(2000));
            assertThatThrownBy(() -> p.send(bigProperty)).as("property values count with their size")
                    .isInstanceOf(ResourceAllocationException.class).hasMessageContaining("maxMessageSize");
            BytesMessage small = s.createBytesMessage();
            small.writeBytes(new byte[100]);
            p.send(small);
            c.start();
            MessageConsumer consumer = s.createConsumer(q);
            assertThat(((BytesMessage) consumer.receive(5000)).getBodyLength()).isEqualTo(100);
            assertThat(consumer.receiveNoWait()).as("the large one was not enqueued").isNull();
        }
    }

    @Test
    @DisplayName("maxMessageProperties: one property too many fails the send, also in a transaction and with JMSContext")
    void properties() throws Exception {
        try (Connection c = factory("maxMessageProperties=3").createConnection();
             JMSContext ctx = factory("maxMessageProperties=3").createContext()) {
            Session tx = c.createSession(Session.SESSION_TRANSACTED);
            MessageProducer p = tx.createProducer(tx.createQueue("props"));
            TextMessage m = tx.createTextMessage("m");
            for (int i = 0; i < 4; i++) {
                m.setIntProperty("p" + i, i);
            }
            assertThatThrownBy(() -> p.send(m)).isInstanceOf(ResourceAllocationException.class)
                    .hasMessageContaining("maxMessageProperties").hasMessageContaining("4 properties");
            m.clearProperties();
            m.setIntProperty("ok", 1);
            p.send(m);
            tx.commit();
            assertThatThrownBy(() -> ctx.createProducer().setProperty("a", 1).setProperty("b", 2).setProperty("c", 3)
                    .setProperty("d", 4).send(ctx.createQueue("props"), "x"))
                    .isInstanceOf(ResourceAllocationRuntimeException.class).hasMessageContaining("maxMessageProperties");
            c.start();
            MessageConsumer consumer = c.createSession().createConsumer(tx.createQueue("props"));
            assertThat(consumer.receive(5000).getIntProperty("ok")).isEqualTo(1);
            assertThat(consumer.receiveNoWait()).isNull();
        }
    }

    @Test
    @DisplayName("maxSessionsPerConnection: one session too many fails naming the option; closing one makes room")
    void sessions() throws Exception {
        try (Connection c = factory("maxSessionsPerConnection=2").createConnection()) {
            Session first = c.createSession();
            c.createSession();
            assertThatThrownBy(c::createSession).isInstanceOf(ResourceAllocationException.class)
                    .hasMessageContaining("maxSessionsPerConnection").hasMessageContaining("2 sessions");
            first.close();
            assertThat(c.createSession()).isNotNull();
        }
        Brokers.stop(broker);
        try (JMSContext ctx = factory("maxSessionsPerConnection=1").createContext()) {
            ctx.createProducer().send(ctx.createQueue("q"), "opens the context's session");
            assertThatThrownBy(() -> ctx.createContext(JMSContext.AUTO_ACKNOWLEDGE).createProducer()
                    .send(ctx.createQueue("q"), "x"))
                    .isInstanceOf(ResourceAllocationRuntimeException.class).hasMessageContaining("maxSessionsPerConnection");
        }
    }

    @Test
    @DisplayName("maxConsumersPerConnection: counts all sessions' consumers; closing a consumer or a session makes room")
    void consumers() throws Exception {
        try (Connection c = factory("maxConsumersPerConnection=2").createConnection()) {
            Session s1 = c.createSession();
            Session s2 = c.createSession();
            MessageConsumer a = s1.createConsumer(s1.createQueue("a"));
            s2.createConsumer(s2.createTopic("t"));
            assertThatThrownBy(() -> s2.createConsumer(s2.createQueue("b"))).isInstanceOf(ResourceAllocationException.class)
                    .hasMessageContaining("maxConsumersPerConnection").hasMessageContaining("2 consumers");
            a.close();
            MessageConsumer b = s1.createConsumer(s1.createQueue("b"));
            assertThat(b).isNotNull();
            s2.close();
            assertThat(s1.createConsumer(s1.createQueue("c"))).isNotNull();
            assertThatThrownBy(() -> s1.createConsumer(s1.createQueue("d"))).isInstanceOf(ResourceAllocationException.class);
        }
        try (Connection other = factory("maxConsumersPerConnection=2").createConnection()) {
            Session s = other.createSession();
            s.createConsumer(s.createQueue("x"));
            assertThat(s.createConsumer(s.createQueue("y"))).as("the limit is per connection").isNotNull();
        }
    }
}
