package dev.ferrymq.cdi.listener;

import dev.ferrymq.cdi.JmsListener;
import dev.ferrymq.cdi.support.Cdi;
import dev.ferrymq.cdi.support.Jms;
import dev.ferrymq.cdi.support.TestBroker;
import dev.ferrymq.cdi.support.TestFactoryProducer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.se.SeContainer;
import jakarta.jms.JMSException;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** sessionMode CLIENT_ACKNOWLEDGE: the method acknowledges; what it did not acknowledge goes back at shutdown (6.2.10). */
@Tag("provider-neutral")
@Timeout(60)
class AcknowledgeModeTest {

    static final Queue<String> SEEN = new ConcurrentLinkedQueue<>();

    @ApplicationScoped
    static class ClientAcknowledging {
        @JmsListener(queue = "ack.client", sessionMode = Session.CLIENT_ACKNOWLEDGE)
        void onMessage(TextMessage message) throws JMSException {
            SEEN.add(message.getText());
            if (message.getText().startsWith("ack")) {
                message.acknowledge();
            }
        }
    }

    @AfterEach
    void stopBroker() {
        TestBroker.stop();
    }

    @Test
    @DisplayName("6.2.10: with CLIENT_ACKNOWLEDGE the listener's acknowledge() settles the message; an unacknowledged one returns at shutdown")
    void methodAcknowledges() {
        TestBroker.start();
        SeContainer container = Cdi.boot(TestFactoryProducer.class, ClientAcknowledging.class);
        try {
            Jms.send("ack.client", "ack-1", "keep-1");
            await().atMost(Duration.ofSeconds(10)).until(() -> SEEN.size() == 2);
        } finally {
            container.close();
        }
        assertThat(SEEN).containsExactly("ack-1", "keep-1");
        assertThat(Jms.drainTexts("ack.client", 2000)).containsExactly("keep-1");
    }
}
