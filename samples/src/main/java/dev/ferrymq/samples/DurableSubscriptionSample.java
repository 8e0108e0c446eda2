package dev.ferrymq.samples;

import dev.ferrymq.FerryConnectionFactory;
import dev.ferrymq.admin.Brokers;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Topic;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Publish/subscribe with a durable subscription that misses nothing while its subscriber is
 * offline, next to a non-durable subscriber that does miss what was published meanwhile.
 *
 * <p>Arguments: {@code [publishedWhileOffline]}, by default 3.
 *
 * <p>Threading: everything runs on the calling thread (synchronous receives).
 */
public final class DurableSubscriptionSample {

    static final String BROKER = "samples-durable";
    static final String TOPIC = "news";
    static final String CLIENT_ID = "news-reader";
    static final String SUBSCRIPTION = "headlines";
    private static final long RECEIVE_TIMEOUT = 5_000;
    /** How long the non-durable subscriber waits to show it gets nothing. */
    private static final long NOTHING_TIMEOUT = 200;

    private DurableSubscriptionSample() {
    }

    public static void main(String[] args) throws Exception {
        run(args.length > 0 ? Integer.parseInt(args[0]) : 3, System.out);
    }

    /**
     * Runs the sample on broker {@code samples-durable}, printing to {@code out}; returns how many
     * of the messages published while offline the durable subscriber received. Stops the broker.
     *
     * @throws jakarta.jms.JMSRuntimeException when the provider fails (the simplified API's exceptions)
     */
    public static int run(int publishedWhileOffline, PrintStream out) {
        if (publishedWhileOffline < 1) {
            throw new IllegalArgumentException("publishedWhileOffline must be at least 1: " + publishedWhileOffline);
        }
        ConnectionFactory factory = new FerryConnectionFactory("vm://" + BROKER + "?store=memory");
        out.printf("durable: topic %s, durable subscription '%s' of client '%s', and a non-durable subscriber%n",
                TOPIC, SUBSCRIPTION, CLIENT_ID);
        try (JMSContext publisher = factory.createContext()) {
            Topic news = publisher.createTopic(TOPIC);
            try (JMSContext reader = readerContext(factory); JMSContext casual = factory.createContext()) {
                JMSConsumer durable = reader.createDurableConsumer(news, SUBSCRIPTION);
                JMSConsumer nonDurable = casual.createConsumer(news);
                publisher.createProducer().send(news, "headline 1");
                out.println("publisher: published \"headline 1\" with both subscribers online");
                out.println("durable subscriber: received \"" + durable.receiveBody(String.class, RECEIVE_TIMEOUT) + "\"");
                out.println("non-durable subscriber: received \"" + nonDurable.receiveBody(String.class, RECEIVE_TIMEOUT) + "\"");
            }
            out.println("both subscribers go offline (their connections close)");
            List<String> offline = new ArrayList<>();
            for (int i = 2; i <= publishedWhileOffline + 1; i++) {
                offline.add("headline " + i);
                publisher.createProducer().send(news, "headline " + i);
            }
            out.println("publisher: published " + offline + " while both are offline");
            int received = reconnect(factory, news, offline, out);
            try (JMSContext casual = factory.createContext()) {
                String missed = casual.createConsumer(news).receiveBody(String.class, NOTHING_TIMEOUT);
                out.println("non-durable subscriber, back online: " + (missed == null
                        ? "received nothing: it missed all " + offline.size()
                        : "received \"" + missed + "\""));
            }
            return received;
        } finally {
            Brokers.stop(BROKER);
        }
    }

    /** The durable subscriber comes back under the same client ID and subscription name. */
    private static int reconnect(ConnectionFactory factory, Topic news, List<String> expected, PrintStream out) {
        List<String> got = new ArrayList<>();
        try (JMSContext reader = readerContext(factory)) {
            try (JMSConsumer durable = reader.createDurableConsumer(news, SUBSCRIPTION)) {
                for (int i = 0; i < expected.size(); i++) {
                    String body = durable.receiveBody(String.class, RECEIVE_TIMEOUT);
                    if (body == null) {
                        break;
                    }
                    got.add(body);
                }
            }
            reader.unsubscribe(SUBSCRIPTION);
        }
        int received = (int) got.stream().filter(expected::contains).count();
        out.printf("durable subscriber, back online: received %d/%d published while offline: %s%n",
                received, expected.size(), got);
        out.println("durable subscriber: unsubscribed '" + SUBSCRIPTION + "'");
        return received;
    }

    private static JMSContext readerContext(ConnectionFactory factory) {
        JMSContext reader = factory.createContext();
        reader.setClientID(CLIENT_ID);
        return reader;
    }
}
