package dev.ferrymq.cdi.support;

import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.Queue;

import java.util.ArrayList;
import java.util.List;

/** Plain jakarta.jms helpers for the test side (sending, draining), over the test's broker. */
public final class Jms {

    private Jms() {
    }

    public static JMSContext context() {
        return TestBroker.factory().delegate().createContext();
    }

    public static void send(String queue, String... bodies) {
        try (JMSContext context = context()) {
            Queue destination = context.createQueue(queue);
            for (String body : bodies) {
                context.createProducer().send(destination, body);
            }
        }
    }

    /** Receives one message within the timeout, or null. */
    public static Message receive(String queue, long timeoutMillis) {
        try (JMSContext context = context(); JMSConsumer consumer = context.createConsumer(context.createQueue(queue))) {
            return consumer.receive(timeoutMillis);
        }
    }

    /** Every text body left on the queue (stops after a receive finds nothing for the timeout). */
    public static List<String> drainTexts(String queue, long timeoutMillis) {
        List<String> bodies = new ArrayList<>();
        try (JMSContext context = context(); JMSConsumer consumer = context.createConsumer(context.createQueue(queue))) {
            for (String body = consumer.receiveBody(String.class, timeoutMillis); body != null;
                 body = consumer.receiveBody(String.class, timeoutMillis)) {
                bodies.add(body);
            }
        }
        return bodies;
    }
}
