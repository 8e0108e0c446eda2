package dev.ferrymq.samples;

import dev.ferrymq.FerryConnectionFactory;
import dev.ferrymq.admin.Brokers;
import dev.ferrymq.spi.DeadLetterProperties;
import dev.ferrymq.spi.config.RedeliveryPolicy;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;

import java.io.PrintStream;
import java.util.Enumeration;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A {@code CLIENT_ACKNOWLEDGE} consumer whose processing keeps failing: each failure calls
 * {@code recover()}, the broker redelivers with backoff ({@code redeliveryDelay},
 * {@code redeliveryMultiplier}) and after {@code maxDeliveryAttempts} moves the message to the
 * dead-letter queue {@code DLQ.orders}. An operator reads the dead letter's properties
 * ({@link DeadLetterProperties}), the bug is fixed, and {@code moveToOrigin} puts the message back
 * on {@code orders}, where it is processed.
 *
 * <p>Arguments: {@code [maxDeliveryAttempts [redeliveryDelayMillis [redeliveryMultiplier]]]},
 * by default 3, 200 ms, 2.0.
 *
 * <p>Threading: the failing listener runs on its session's delivery thread and tells the main
 * thread through a latch when it gave up for the last time; everything else runs on the main
 * thread.
 */
public final class DeadLetterSample {

    static final String BROKER = "samples-dead-letter";
    static final String QUEUE = "orders";
    static final String DLQ = "DLQ." + QUEUE;
    private static final long MAX_REDELIVERY_DELAY = 60_000;

    /** The redelivery policy of the sample's broker. */
    public record Settings(int maxDeliveryAttempts, long redeliveryDelayMillis, double redeliveryMultiplier) {
        public Settings {
            if (maxDeliveryAttempts < 1 || redeliveryDelayMillis < 0 || redeliveryMultiplier < 1) {
                throw new IllegalArgumentException("need maxDeliveryAttempts >= 1, redeliveryDelay >= 0, "
                        + "redeliveryMultiplier >= 1: " + this);
            }
        }

        public static Settings parse(String... args) {
            return new Settings(args.length > 0 ? Integer.parseInt(args[0]) : 3,
                    args.length > 1 ? Long.parseLong(args[1]) : 200,
                    args.length > 2 ? Double.parseDouble(args[2]) : 2.0);
        }
    }

    private DeadLetterSample() {
    }

    public static void main(String[] args) throws Exception {
        run(Settings.parse(args), System.out);
    }

    /** Runs the sample on broker {@code samples-dead-letter}, printing to {@code out}; stops the broker at the end. */
    public static void run(Settings s, PrintStream out) throws JMSException, InterruptedException {
        // the policy applies to queue orders only: DLQ.orders keeps the defaults (no delay)
        FerryConnectionFactory factory = new FerryConnectionFactory("vm://" + BROKER + "?store=memory")
                .withRedeliveryPolicy(QUEUE, RedeliveryPolicy.defaults()
                        .withMaxDeliveryAttempts(s.maxDeliveryAttempts())
                        .withRedeliveryDelay(s.redeliveryDelayMillis(), s.redeliveryMultiplier(), MAX_REDELIVERY_DELAY));
        out.printf(Locale.ROOT, "dead-letter: queue %s, maxDeliveryAttempts=%d, redeliveryDelay=%d ms, redeliveryMultiplier=%.1f%n",
                QUEUE, s.maxDeliveryAttempts(), s.redeliveryDelayMillis(), s.redeliveryMultiplier());
        try (Connection connection = factory.createConnection()) {
            connection.start();
            Queue orders;
            try (Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE)) {
                orders = session.createQueue(QUEUE);
                Message order = session.createTextMessage("order-42");
                session.createProducer(orders).send(order);
                out.println("producer: sent \"order-42\" to " + QUEUE);
            }
            failingConsumer(connection, orders, s, out);
            Queue dlq = readDeadLetter(connection, out);
            int moved = factory.moveToOrigin(dlq, null);
            out.printf("operator: moveToOrigin(%s, null) moved %d message%s back to %s%n",
                    DLQ, moved, moved == 1 ? "" : "s", QUEUE);
            fixedConsumer(connection, orders, out);
            out.printf("%s now holds %d messages%n", DLQ, browse(connection, dlq));
        } finally {
            Brokers.stop(BROKER);
        }
    }

    /** A listener that fails on every delivery and calls recover(), until the last attempt. */
    private static void failingConsumer(Connection connection, Queue orders, Settings s, PrintStream out)
            throws JMSException, InterruptedException {
        CountDownLatch gaveUp = new CountDownLatch(1);
        AtomicReference<JMSException> failure = new AtomicReference<>();
        long[] previous = {0};
        try (Session session = connection.createSession(Session.CLIENT_ACKNOWLEDGE)) {
            session.createConsumer(orders).setMessageListener(m -> {
                long now = System.nanoTime();
                try {
                    int attempt = m.getIntProperty("JMSXDeliveryCount");
                    String after = previous[0] == 0 ? ""
                            : " after " + TimeUnit.NANOSECONDS.toMillis(now - previous[0]) + " ms";
                    previous[0] = now;
                    try {
                        process(m);
                        m.acknowledge();
                    } catch (IllegalStateException e) {
                        out.printf("consumer: attempt %d (JMSRedelivered=%s)%s: %s -> recover()%n",
                                attempt, m.getJMSRedelivered(), after, e.getMessage());
                        session.recover();
                        if (attempt >= s.maxDeliveryAttempts()) {
                            gaveUp.countDown();
                        }
                    }
                } catch (JMSException e) {
                    failure.compareAndSet(null, e);
                    gaveUp.countDown();
                }
            });
            long patience = 10_000 + (long) (s.redeliveryDelayMillis()
                    * Math.pow(s.redeliveryMultiplier(), s.maxDeliveryAttempts()) * s.maxDeliveryAttempts());
            if (!gaveUp.await(patience, TimeUnit.MILLISECONDS)) {
                throw new JMSException("the failing consumer did not see " + s.maxDeliveryAttempts()
                        + " attempts within " + patience + " ms");
            }
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        out.printf("%d attempts, then %s%n", s.maxDeliveryAttempts(), DLQ);
    }

    /** The bug: the payment service is down. */
    private static void process(Message order) {
        throw new IllegalStateException("payment service down");
    }

    /**
     * Receives the dead letter, prints its properties and closes the session without
     * acknowledging it, so it stays on the dead-letter queue.
     */
    private static Queue readDeadLetter(Connection connection, PrintStream out) throws JMSException {
        try (Session session = connection.createSession(Session.CLIENT_ACKNOWLEDGE)) {
            Queue dlq = session.createQueue(DLQ);
            Message dead = session.createConsumer(dlq).receive(10_000);
            if (dead == null) {
                throw new JMSException("nothing arrived on " + DLQ + " within 10 s");
            }
            out.printf("operator: on %s: \"%s\"%n", DLQ, dead.getBody(String.class));
            for (String p : new String[] {DeadLetterProperties.ORIGINAL_DESTINATION,
                    DeadLetterProperties.ORIGINAL_DESTINATION_TYPE, DeadLetterProperties.DLQ_REASON,
                    DeadLetterProperties.DELIVERY_COUNT}) {
                out.printf("  %s = %s%n", p, dead.getObjectProperty(p));
            }
            return dlq;
        }
    }

    /** The fixed application: processes the message moveToOrigin brought back. */
    private static void fixedConsumer(Connection connection, Queue orders, PrintStream out) throws JMSException {
        try (Session session = connection.createSession(Session.CLIENT_ACKNOWLEDGE)) {
            Message m = session.createConsumer(orders).receive(10_000);
            if (m == null) {
                throw new JMSException("the moved message did not come back to " + QUEUE + " within 10 s");
            }
            m.acknowledge();
            out.printf("consumer (fixed): processed \"%s\" (JMSXDeliveryCount=%d, %s), acknowledged%n",
                    m.getBody(String.class), m.getIntProperty("JMSXDeliveryCount"),
                    m.propertyExists(DeadLetterProperties.DLQ_REASON) ? "still has dead-letter properties"
                            : "no dead-letter properties");
        }
    }

    private static int browse(Connection connection, Queue queue) throws JMSException {
        try (Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
             QueueBrowser browser = session.createBrowser(queue)) {
            int n = 0;
            for (Enumeration<?> messages = browser.getEnumeration(); messages.hasMoreElements(); messages.nextElement()) {
                n++;
            }
            return n;
        }
    }
}
