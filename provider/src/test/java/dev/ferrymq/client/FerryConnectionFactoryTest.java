package dev.ferrymq.client;

import dev.ferrymq.FerryConnectionFactory;
import jakarta.jms.Connection;
import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidClientIDException;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.QueueConnection;
import jakarta.jms.TopicConnection;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FerryConnectionFactoryTest {

    private final FakeBrokers brokers = new FakeBrokers();

    @Test
    @DisplayName("5.3 Connection factories: the no-argument factory connects to vm://default")
    void defaultUrl() {
        assertThat(new FerryConnectionFactory().getUrl()).isEqualTo("vm://default");
    }

    @Test
    @DisplayName("5.3 Connection factories: a malformed URL fails createConnection with a JMSException saying why")
    void malformedUrl() {
        assertThatThrownBy(() -> new FerryConnectionFactory("nonsense").createConnection())
                .isInstanceOf(JMSException.class).hasMessageContaining("malformed broker URL 'nonsense'");
        assertThatThrownBy(() -> new FerryConnectionFactory("fake://x?prefetch").createConnection())
                .isInstanceOf(JMSException.class).hasMessageContaining("malformed option 'prefetch'");
    }

    @Test
    @DisplayName("5.3 Connection factories: an unknown URL scheme names the scheme")
    void unknownScheme() {
        assertThatThrownBy(() -> new FerryConnectionFactory("nope://x").createConnection())
                .isInstanceOf(JMSException.class).hasMessageContaining("'nope'");
    }

    @Test
    @DisplayName("5.3 Connection factories: an unknown option is refused naming it")
    void unknownOption() {
        assertThatThrownBy(() -> brokers.factory("bogusOption=1").createConnection())
                .isInstanceOf(JMSException.class).hasMessageContaining("'bogusOption'");
    }

    @Test
    @DisplayName("5.3 Connection factories: an invalid facade option value names the option")
    void invalidPrefetch() {
        assertThatThrownBy(() -> brokers.factory("prefetch=0").createConnection())
                .isInstanceOf(JMSException.class).hasMessageContaining("'prefetch'").hasMessageContaining("at least 1");
        assertThatThrownBy(() -> brokers.factory("prefetch=many").createConnection())
                .isInstanceOf(JMSException.class).hasMessageContaining("'prefetch'");
    }

    @Test
    @DisplayName("5.3 Connection factories: engine options pass through, facade options are consumed")
    void engineOptionsPassThrough() throws JMSException {
        try (Connection c = brokers.factory("engineThread=true&prefetch=10").createConnection()) {
            assertThat(c.createSession()).isNotNull();
        }
    }

    @Test
    @DisplayName("6.1.2 Client identifier: an administratively configured client ID is given to the connection")
    void adminClientId() throws JMSException {
        try (Connection c = brokers.factory("clientID=app1").createConnection()) {
            assertThat(c.getClientID()).isEqualTo("app1");
            assertThatThrownBy(() -> c.setClientID("other")).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> brokers.factory("clientID=app1").createConnection())
                    .isInstanceOf(InvalidClientIDException.class);
        }
    }

    @Test
    @DisplayName("6.1 Connections: queue and topic connection factories make connections of their domain")
    void domainConnections() throws JMSException {
        try (QueueConnection q = brokers.factory().createQueueConnection("u", "p");
             TopicConnection t = brokers.factory().createTopicConnection()) {
            assertThat(q.createQueueSession(false, 1)).isNotNull();
            assertThat(t.createTopicSession(true, 0).getTransacted()).isTrue();
        }
    }

    @Test
    @DisplayName("5.3 Connection factories: createContext reports a bad URL as JMSRuntimeException")
    void contextBadUrl() {
        assertThatThrownBy(() -> new FerryConnectionFactory("bad").createContext())
                .isInstanceOf(JMSRuntimeException.class).hasMessageContaining("malformed");
    }

    @Test
    @DisplayName("5.1 Administered objects: the factory is serializable and keeps its URL")
    void serializable() throws Exception {
        FerryConnectionFactory f = new FerryConnectionFactory("vm://x?prefetch=5");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(f);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertThat(in.readObject()).isEqualTo(f);
        }
    }
}
