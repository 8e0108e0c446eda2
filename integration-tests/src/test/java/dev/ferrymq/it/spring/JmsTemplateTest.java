package dev.ferrymq.it.spring;

import dev.ferrymq.it.FerryBroker;
import dev.ferrymq.it.Provider;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Message;
import jakarta.jms.QueueBrowser;
import jakarta.jms.TextMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.jms.listener.adapter.MessageListenerAdapter;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring JMS 7's JmsTemplate, unchanged, on FerryMQ and on Artemis: synchronous send and receive
 * ("Synchronous delivery"), message conversion, queue browsing ("QueueBrowser"), and request/reply
 * over a temporary queue ("Temporary destinations", JMSReplyTo).
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class JmsTemplateTest {

    private final FerryBroker broker = new FerryBroker("template");
    private final Containers containers = new Containers();

    @AfterEach
    void stop() {
        containers.close();
        broker.close();
    }

    private JmsTemplate template(Provider provider) {
        JmsTemplate t = new JmsTemplate(provider.factory(broker));
        t.setReceiveTimeout(5000);
        return t;
    }

    @ParameterizedTest
    @EnumSource(Provider.class)
    @DisplayName("JmsTemplate: send with a MessageCreator, then receive the same message")
    void sendAndReceive(Provider provider) throws Exception {
        JmsTemplate t = template(provider);
        String queue = Provider.unique("template.send");
        t.send(queue, s -> {
            TextMessage m = s.createTextMessage("hello");
            m.setStringProperty("kind", "greeting");
            return m;
        });
        Message m = t.receive(queue);
        assertThat(m).isInstanceOf(TextMessage.class);
        assertThat(((TextMessage) m).getText()).isEqualTo("hello");
        assertThat(m.getStringProperty("kind")).isEqualTo("greeting");
        t.setReceiveTimeout(100);
        assertThat(t.receive(queue)).isNull();
    }

    @ParameterizedTest
    @EnumSource(Provider.class)
    @DisplayName("JmsTemplate: convertAndSend and receiveAndConvert of a String, a Map and a byte[] (Text, Map and Bytes messages)")
    void convert(Provider provider) {
        JmsTemplate t = template(provider);
        String queue = Provider.unique("template.convert");
        t.convertAndSend(queue, "text");
        t.convertAndSend(queue, Map.of("id", 42, "name", "ferry"));
        t.convertAndSend(queue, new byte[] {1, 2, 3});
        assertThat(t.receiveAndConvert(queue)).isEqualTo("text");
        assertThat(t.receiveAndConvert(queue)).isEqualTo(Map.of("id", 42, "name", "ferry"));
        assertThat(t.receiveAndConvert(queue)).isEqualTo(new byte[] {1, 2, 3});
    }

    @ParameterizedTest
    @EnumSource(Provider.class)
    @DisplayName("JmsTemplate: browse sees the queued messages in order and leaves them on the queue")
    void browse(Provider provider) {
        JmsTemplate t = template(provider);
        String queue = Provider.unique("template.browse");
        List.of("a", "b", "c").forEach(body -> t.convertAndSend(queue, body));
        List<String> seen = t.browse(queue, (session, browser) -> texts(browser));
        assertThat(seen).containsExactly("a", "b", "c");
        assertThat(List.of(t.receiveAndConvert(queue), t.receiveAndConvert(queue), t.receiveAndConvert(queue)))
                .containsExactly("a", "b", "c");
    }

    @ParameterizedTest
    @EnumSource(Provider.class)
    @DisplayName("JmsTemplate: sendAndReceive gets the reply a MessageListenerAdapter sends to JMSReplyTo (a temporary queue)")
    void sendAndReceiveReply(Provider provider) throws Exception {
        ConnectionFactory factory = provider.factory(broker);
        String queue = Provider.unique("template.requests");
        containers.start(factory, queue, new MessageListenerAdapter(new Upper()), c -> { });
        JmsTemplate t = template(provider);
        Message reply = t.sendAndReceive(queue, s -> s.createTextMessage("ping"));
        assertThat(reply).isNotNull();
        assertThat(((TextMessage) reply).getText()).isEqualTo("PING");
    }

    /** A POJO service, as MessageListenerAdapter invokes it: its return value is the reply. */
    static final class Upper {
        public String handleMessage(String request) {
            return request.toUpperCase(java.util.Locale.ROOT);
        }
    }

    private static List<String> texts(QueueBrowser browser) throws jakarta.jms.JMSException {
        return Collections.list(browser.getEnumeration()).stream()
                .map(o -> Containers.text((Message) o)).toList();
    }
}
