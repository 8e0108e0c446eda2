package dev.ferrymq.tck.model;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.MessageConsumer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

import org.junit.jupiter.api.Test;

import dev.ferrymq.tck.harness.JmsTestBase;
import dev.ferrymq.tck.harness.SpecSection;

class SmokeTest extends JmsTestBase {

    @Test
    @SpecSection("3.3 Jakarta Messaging messages")
    void sendReceive() throws Exception {
        Session s = session();
        Queue q = queue();
        MessageConsumer c = s.createConsumer(q);
        s.createProducer(q).send(s.createTextMessage("hi"));
        assertThat(((TextMessage) mustReceive(c)).getText()).isEqualTo("hi");
    }
}
