package dev.ferrymq.tck.closed;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import jakarta.jms.Connection;
import jakarta.jms.IllegalStateException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import dev.ferrymq.tck.harness.JmsTestBase;
import dev.ferrymq.tck.harness.SpecSection;

/**
 * 6.1.8 / 6.2.15 / 8.8: once an object, its session or its connection is closed, every method but
 * close throws IllegalStateException, and close itself is ignored. One case per method and per
 * way of closing.
 */
class ClassicClosedObjectTest extends JmsTestBase {

    /** What gets closed: the object itself, its session, or its connection. */
    enum Closing { OBJECT, SESSION, CONNECTION }

    private Connection connection;
    private Session session;
    private Op.Fixture fixture;

    private void open() throws Exception {
        connection = startedConnection();
        session = connection.createSession(false, Session.CLIENT_ACKNOWLEDGE);
        fixture = new Op.Fixture(queue(), topic(), session.createTextMessage("closed"));
    }

    private void close(Closing closing, AutoCloseable object) throws Exception {
        switch (closing) {
            case OBJECT -> object.close();
            case SESSION -> session.close();
            case CONNECTION -> connection.close();
        }
    }

    static Stream<Arguments> cross(List<? extends Named<?>> ops, Closing... closings) {
        List<Arguments> list = new ArrayList<>();
        for (Closing c : closings) {
            for (Named<?> op : ops) {
                list.add(Arguments.of(c, op));
            }
        }
        return list.stream();
    }

    static Stream<Arguments> sessionOps() {
        return cross(ClassicOps.SESSION, Closing.SESSION, Closing.CONNECTION);
    }

    static Stream<Arguments> producerOps() {
        return cross(ClassicOps.PRODUCER, Closing.values());
    }

    static Stream<Arguments> consumerOps() {
        return cross(ClassicOps.CONSUMER, Closing.values());
    }

    static Stream<Arguments> browserOps() {
        return cross(ClassicOps.BROWSER, Closing.values());
    }

    static Stream<Named<Op<Connection>>> connectionOps() {
        return ClassicOps.CONNECTION.stream();
    }

    @ParameterizedTest(name = "Connection.{0}")
    @MethodSource("connectionOps")
    @SpecSection("6.1.8 Closing a connection")
    void closedConnection(Op<Connection> op) throws Exception {
        open();
        connection.close();
        assertThatThrownBy(() -> op.apply(connection, fixture)).isInstanceOf(IllegalStateException.class);
    }

    @ParameterizedTest(name = "{0} closed: Session.{1}")
    @MethodSource("sessionOps")
    @SpecSection("6.2.15 Closing a session")
    void closedSession(Closing closing, Op<Session> op) throws Exception {
        open();
        close(closing, session);
        assertThatThrownBy(() -> op.apply(session, fixture)).isInstanceOf(IllegalStateException.class);
    }

    @ParameterizedTest(name = "{0} closed: MessageProducer.{1}")
    @MethodSource("producerOps")
    @SpecSection("6.2.15 Closing a session")
    void closedProducer(Closing closing, Op<MessageProducer> op) throws Exception {
        open();
        MessageProducer producer = session.createProducer(fixture.queue());
        close(closing, producer);
        assertThatThrownBy(() -> op.apply(producer, fixture)).isInstanceOf(IllegalStateException.class);
    }

    @ParameterizedTest(name = "{0} closed: MessageConsumer.{1}")
    @MethodSource("consumerOps")
    @SpecSection("8.8 Closing a consumer")
    void closedConsumer(Closing closing, Op<MessageConsumer> op) throws Exception {
        open();
        MessageConsumer consumer = session.createConsumer(fixture.queue());
        close(closing, consumer);
        assertThatThrownBy(() -> op.apply(consumer, fixture)).isInstanceOf(IllegalStateException.class);
    }

    @ParameterizedTest(name = "{0} closed: QueueBrowser.{1}")
    @MethodSource("browserOps")
    @SpecSection("4.1.6 QueueBrowser")
    void closedBrowser(Closing closing, Op<QueueBrowser> op) throws Exception {
        open();
        QueueBrowser browser = session.createBrowser(fixture.queue());
        close(closing, browser);
        assertThatThrownBy(() -> op.apply(browser, fixture)).isInstanceOf(IllegalStateException.class);
    }

    @ParameterizedTest(name = "{0} closed")
    @EnumSource(Closing.class)
    @SpecSection("6.1.8 Closing a connection")
    void closingAgainIsIgnored(Closing closing) throws Exception {
        open();
        MessageProducer producer = session.createProducer(fixture.queue());
        MessageConsumer consumer = session.createConsumer(fixture.queue());
        QueueBrowser browser = session.createBrowser(fixture.queue());
        close(closing, producer);
        close(closing, consumer);
        close(closing, browser);
        assertThatCode(() -> {
            producer.close();
            consumer.close();
            browser.close();
            session.close();
            session.close();
            connection.close();
            connection.close();
        }).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "{0} closed")
    @EnumSource(value = Closing.class, names = {"SESSION", "CONNECTION"})
    @SpecSection("6.2.15 Closing a session")
    void acknowledgeAfterCloseThrowsIllegalState(Closing closing) throws Exception {
        open();
        Queue q = fixture.queue();
        MessageConsumer consumer = session.createConsumer(q);
        session.createProducer(q).send(session.createTextMessage("ack me"));
        Message received = mustReceive(consumer);
        close(closing, consumer);
        assertThatThrownBy(received::acknowledge).isInstanceOf(IllegalStateException.class);
    }

    @Test
    @SpecSection("6.2.15 Closing a session")
    void messagesOfAClosedSessionRemainUsable() throws Exception {
        open();
        jakarta.jms.TextMessage m = session.createTextMessage("still usable");
        session.close();
        m.setStringProperty("p", "v");
        m.setText("changed");
        org.assertj.core.api.Assertions.assertThat(m.getText()).isEqualTo("changed");
        org.assertj.core.api.Assertions.assertThat(m.getStringProperty("p")).isEqualTo("v");
    }
}
