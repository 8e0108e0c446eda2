package dev.ferrymq.client;

import dev.ferrymq.FerryConnectionFactory;
import jakarta.jms.Connection;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Destinations are administered objects of one provider ("Destination"): another provider's
 * destination handed to a producer, consumer or browser is refused with
 * InvalidDestinationException, while one in JMSReplyTo of a sent message is carried by name.
 */
@Timeout(30)
class ForeignDestinationTest {

    /** Another provider's queue: only the Queue interface. */
    private static final Queue FOREIGN = () -> "foreign-orders";

    private Connection connection;
    private Session session;

    @BeforeEach
    void open() throws JMSException {
        connection = new FerryConnectionFactory("vm://foreign-destinations").createConnection();
        session = connection.createSession();
    }

    @AfterEach
    void close() throws JMSException {
        connection.close();
    }

    @Test
    @DisplayName("5.1 Destination: createProducer with another provider's queue throws InvalidDestinationException")
    void producer() {
        assertThatThrownBy(() -> session.createProducer(FOREIGN))
                .isInstanceOf(InvalidDestinationException.class).hasMessageContaining("not a FerryMQ destination");
    }

    @Test
    @DisplayName("5.1 Destination: send on an anonymous producer to another provider's queue throws InvalidDestinationException")
    void anonymousSend() throws JMSException {
        MessageProducer p = session.createProducer(null);
        assertThatThrownBy(() -> p.send(FOREIGN, session.createTextMessage("x")))
                .isInstanceOf(InvalidDestinationException.class).hasMessageContaining("not a FerryMQ destination");
    }

    @Test
    @DisplayName("5.1 Destination: createConsumer and createBrowser with another provider's queue throw InvalidDestinationException")
    void consumerAndBrowser() {
        assertThatThrownBy(() -> session.createConsumer(FOREIGN)).isInstanceOf(InvalidDestinationException.class);
        assertThatThrownBy(() -> session.createBrowser(FOREIGN)).isInstanceOf(InvalidDestinationException.class);
    }

    @Test
    @DisplayName("3.4.6 JMSReplyTo: another provider's queue as JMSReplyTo is carried by name")
    void replyToByName() throws JMSException {
        connection.start();
        Queue q = session.createQueue("reply-to-foreign");
        MessageConsumer consumer = session.createConsumer(q);
        TextMessage m = session.createTextMessage("x");
        m.setJMSReplyTo(FOREIGN);
        session.createProducer(q).send(m);
        TextMessage got = (TextMessage) consumer.receive(5000);
        assertThat(((Queue) got.getJMSReplyTo()).getQueueName()).isEqualTo("foreign-orders");
    }
}
