package dev.ferrymq.management;

import dev.ferrymq.FerryConnectionFactory;
import dev.ferrymq.client.destination.FerryQueue;
import dev.ferrymq.client.destination.FerryTopic;
import dev.ferrymq.engine.Brokers;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import javax.management.MBeanServer;
import javax.management.ObjectName;
import java.lang.management.ManagementFactory;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The broker's and each destination's MBeans: attributes follow the messages, operations work, names go at stop. */
@Timeout(30)
class JmxTest {

    private static final MBeanServer SERVER = ManagementFactory.getPlatformMBeanServer();
    private static final Queue ORDERS = new FerryQueue("orders");

    private final String broker = "jmx-" + UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void stop() {
        Brokers.stop(broker);
    }

    private FerryConnectionFactory factory(String options) {
        return new FerryConnectionFactory("vm://" + broker + (options.isEmpty() ? "" : "?" + options));
    }

    private ObjectName queueName(String queue) throws Exception {
        return new ObjectName("dev.ferrymq:type=Broker,name=" + broker + ",destinationType=Queue,destination=" + queue);
    }

    private Object attr(String queue, String attribute) throws Exception {
        return SERVER.getAttribute(queueName(queue), attribute);
    }

    private Object invoke(String queue, String operation) throws Exception {
        return SERVER.invoke(queueName(queue), operation, new Object[0], new String[0]);
    }

    private static void send(Session s, Queue q, int n) throws JMSException {
        MessageProducer p = s.createProducer(q);
        for (int i = 0; i < n; i++) {
            p.send(s.createTextMessage("m" + i));
        }
    }

    @Test
    @DisplayName("Send 10, consume 4: Depth 6, Enqueued 10, Acknowledged 4, Reliability 1.0, t measured 4 times")
    void attributesFollowTheMessages() throws Exception {
        try (Connection c = factory("").createConnection()) {
            c.start();
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            send(s, ORDERS, 10);
            assertThat(attr("orders", "Depth")).isEqualTo(10L);
            assertThat(attr("orders", "Reliability")).isEqualTo(1.0);
            try (MessageConsumer consumer = s.createConsumer(ORDERS)) {
                for (int i = 0; i < 4; i++) {
                    assertThat(consumer.receive(5000)).isNotNull();
                }
            }
            assertThat(attr("orders", "Depth")).isEqualTo(6L);
            assertThat(attr("orders", "Enqueued")).isEqualTo(10L);
            assertThat(attr("orders", "Acknowledged")).isEqualTo(4L);
            assertThat(attr("orders", "Reliability")).isEqualTo(1.0);
            assertThat(attr("orders", "ProcessingTimeCount")).isEqualTo(4L);
            assertThat(attr("orders", "AcknowledgementTimeCount")).isEqualTo(4L);
            assertThat(attr("orders", "Consumers")).isEqualTo(0L);
            assertThat((String[]) SERVER.getAttribute(new ObjectName("dev.ferrymq:type=Broker,name=" + broker), "Queues"))
                    .contains("orders");
            assertThat(SERVER.getAttribute(new ObjectName("dev.ferrymq:type=Broker,name=" + broker), "TotalDepth"))
                    .isEqualTo(6L);
        }
    }

    @Test
    @DisplayName("A dead letter lowers Reliability below 1 and counts in DeadLettered and Redelivered; moveToOrigin brings it back")
    void deadLetterLowersReliabilityAndMovesBack() throws Exception {
        try (Connection c = factory("maxDeliveryAttempts=2").createConnection()) {
            c.start();
            Session s = c.createSession(false, Session.CLIENT_ACKNOWLEDGE);
            send(s, ORDERS, 2);
            MessageConsumer consumer = s.createConsumer(ORDERS);
            Message first = consumer.receive(5000);
            assertThat(((TextMessage) first).getText()).isEqualTo("m0");
            Message second = consumer.receive(5000);
            second.acknowledge();
            // m0 was acknowledged with m1 above (CLIENT_ACKNOWLEDGE acknowledges the session's messages);
            // a third message is delivered twice and recovered twice: dead-lettered
            send(s, ORDERS, 1);
            for (int i = 0; i < 2; i++) {
                assertThat(consumer.receive(5000)).isNotNull();
                s.recover();
            }
            consumer.close();
            assertThat(attr("orders", "DeadLettered")).isEqualTo(1L);
            assertThat(attr("orders", "Redelivered")).isEqualTo(1L);
            assertThat(attr("orders", "RetransmissionTimeCount")).isEqualTo(1L);
            assertThat((double) attr("orders", "Reliability")).isEqualTo(2.0 / 3.0);
            assertThat(attr("DLQ.orders", "Depth")).isEqualTo(1L);
            assertThat(invoke("DLQ.orders", "moveToOrigin")).isEqualTo(1);
            assertThat(attr("DLQ.orders", "Depth")).isEqualTo(0L);
            assertThat(attr("orders", "Depth")).isEqualTo(1L);
        }
    }

    @Test
    @DisplayName("browse lists summaries, purge drops the available messages")
    void browseAndPurge() throws Exception {
        try (Connection c = factory("").createConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            send(s, ORDERS, 3);
            String[] lines = (String[]) invoke("orders", "browse");
            assertThat(lines).hasSize(3);
            assertThat(lines[0]).contains("text(2) \"m0\"");
            assertThat(invoke("orders", "purge")).isEqualTo(3);
            assertThat(attr("orders", "Depth")).isEqualTo(0L);
            assertThat((String[]) invoke("orders", "browse")).isEmpty();
        }
    }

    @Test
    @DisplayName("pause stops dispatch to consumers (messages wait), resume starts it again")
    void pauseAndResume() throws Exception {
        try (Connection c = factory("").createConnection()) {
            c.start();
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = s.createConsumer(ORDERS);
            invoke("orders", "pause");
            assertThat(attr("orders", "Paused")).isEqualTo(true);
            send(s, ORDERS, 2);
            assertThat(consumer.receive(300)).isNull();
            assertThat(attr("orders", "Available")).isEqualTo(2L);
            invoke("orders", "resume");
            assertThat(((TextMessage) consumer.receive(5000)).getText()).isEqualTo("m0");
            assertThat(((TextMessage) consumer.receive(5000)).getText()).isEqualTo("m1");
            assertThat(attr("orders", "Paused")).isEqualTo(false);
        }
    }

    @Test
    @DisplayName("delete refuses a queue with a consumer, deletes an idle one and unregisters its MBean")
    void deleteIdleQueue() throws Exception {
        try (Connection c = factory("").createConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = s.createConsumer(ORDERS);
            assertThatThrownBy(() -> invoke("orders", "delete")).hasStackTraceContaining("consumer");
            consumer.close();
            invoke("orders", "delete");
            assertThat(SERVER.isRegistered(queueName("orders"))).isFalse();
            send(s, ORDERS, 1);
            assertThat(attr("orders", "Depth")).isEqualTo(1L);
        }
    }

    @Test
    @DisplayName("A durable subscription has its MBean (destinationType=Topic, subscription=...); stop unregisters every MBean of the broker")
    void subscriptionBeanAndUnregisterAtStop() throws Exception {
        try (Connection c = factory("").createConnection()) {
            c.setClientID("client");
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            s.createDurableSubscriber(new FerryTopic("prices"), "sub").close();
            s.createProducer(new FerryTopic("prices")).send(s.createTextMessage("p"));
            var subs = SERVER.queryNames(new ObjectName("dev.ferrymq:type=Broker,name=" + broker
                    + ",destinationType=Topic,destination=prices,*"), null);
            assertThat(subs).hasSize(1);
            assertThat(SERVER.getAttribute(subs.iterator().next(), "Depth")).isEqualTo(1L);
        }
        assertThat(SERVER.queryNames(new ObjectName("dev.ferrymq:type=Broker,name=" + broker + ",*"), null)).isNotEmpty();
        Brokers.stop(broker);
        assertThat(SERVER.queryNames(new ObjectName("dev.ferrymq:type=Broker,name=" + broker + ",*"), null)).isEmpty();
        assertThat(SERVER.isRegistered(new ObjectName("dev.ferrymq:type=Broker,name=" + broker))).isFalse();
    }

    @Test
    @DisplayName("jmx=false registers no MBean")
    void jmxOff() throws Exception {
        try (Connection c = factory("jmx=false").createConnection()) {
            send(c.createSession(false, Session.AUTO_ACKNOWLEDGE), ORDERS, 1);
            assertThat(SERVER.queryNames(new ObjectName("dev.ferrymq:type=Broker,name=" + broker + ",*"), null)).isEmpty();
            assertThat(SERVER.isRegistered(new ObjectName("dev.ferrymq:type=Broker,name=" + broker))).isFalse();
        }
    }
}
