package dev.ferrymq.samples;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;

import javax.naming.InitialContext;

/**
 * The README's hello world: plain {@code jakarta.jms} and JNDI; FerryMQ appears only in
 * {@code jndi.properties}. Sends one message to the queue {@code orders} on the embedded default
 * broker and receives it back.
 */
public final class HelloWorld {

    private HelloWorld() {
    }

    public static void main(String[] args) throws Exception {
        System.out.println(run("Hello, FerryMQ"));
    }

    /** Sends {@code text} and returns what was received. */
    public static String run(String text) throws Exception {
        InitialContext jndi = new InitialContext();
        ConnectionFactory factory = (ConnectionFactory) jndi.lookup("ConnectionFactory");
        Queue queue = (Queue) jndi.lookup("orders");
        try (JMSContext context = factory.createContext()) {
            context.createProducer().send(queue, text);
            return "Received: " + context.createConsumer(queue).receiveBody(String.class, 5000);
        } finally {
            jndi.close();
        }
    }
}
