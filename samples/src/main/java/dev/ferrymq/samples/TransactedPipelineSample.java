package dev.ferrymq.samples;

import dev.ferrymq.FerryConnectionFactory;
import dev.ferrymq.admin.Brokers;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A transacted consume-transform-produce step: each order is received from {@code orders.in},
 * transformed and sent to {@code orders.out} in one local transaction. The transformation of one
 * order fails once after its output was sent: the rollback discards that output and gives the
 * order back (marked redelivered), the retry commits. In the end every order is on
 * {@code orders.out} exactly once.
 *
 * <p>Arguments: {@code [orders [failingOrder]]}, by default 3 orders, order 2 fails once (0: none).
 *
 * <p>Threading: everything runs on the calling thread.
 */
public final class TransactedPipelineSample {

    static final String BROKER = "samples-transacted";
    static final String IN = "orders.in";
    static final String OUT = "orders.out";
    private static final long RECEIVE_TIMEOUT = 5_000;

    private TransactedPipelineSample() {
    }

    public static void main(String[] args) throws Exception {
        run(args.length > 0 ? Integer.parseInt(args[0]) : 3, args.length > 1 ? Integer.parseInt(args[1]) : 2,
                System.out);
    }

    /**
     * Runs the sample on broker {@code samples-transacted}, printing to {@code out}; returns the
     * bodies on {@code orders.out} at the end. Stops the broker.
     */
    public static List<String> run(int orders, int failingOrder, PrintStream out) throws JMSException {
        if (orders < 1 || failingOrder < 0 || failingOrder > orders) {
            throw new IllegalArgumentException("need orders >= 1 and failingOrder in 0.." + orders
                    + " (0: none): " + orders + ", " + failingOrder);
        }
        out.printf("transacted: %s -> upper case -> %s, one local transaction per order%n", IN, OUT);
        try (Connection connection = new FerryConnectionFactory("vm://" + BROKER + "?store=memory").createConnection()) {
            connection.start();
            Queue in;
            Queue output;
            try (Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE)) {
                in = session.createQueue(IN);
                output = session.createQueue(OUT);
                MessageProducer producer = session.createProducer(in);
                for (int i = 1; i <= orders; i++) {
                    producer.send(session.createTextMessage("order-" + i));
                }
            }
            out.printf("producer: sent order-1..order-%d to %s%n", orders, IN);
            try (Session tx = connection.createSession(Session.SESSION_TRANSACTED)) {
                MessageConsumer consumer = tx.createConsumer(in);
                MessageProducer producer = tx.createProducer(output);
                boolean failed = false;
                for (Message m; (m = consumer.receive(RECEIVE_TIMEOUT)) != null; ) {
                    String body = m.getBody(String.class);
                    String result = body.toUpperCase(Locale.ROOT);
                    String step = String.format("step: received \"%s\"%s, sent \"%s\"", body,
                            m.getJMSRedelivered() ? " (JMSRedelivered=true)" : "", result);
                    try {
                        producer.send(tx.createTextMessage(result));
                        if (!failed && body.equals("order-" + failingOrder)) {
                            failed = true;
                            throw new IllegalStateException("the inventory check timed out");
                        }
                        tx.commit();
                        out.println(step + ", commit");
                    } catch (IllegalStateException e) {
                        tx.rollback();
                        out.println(step + ", then " + e.getMessage() + " -> rollback");
                        out.printf("  after the rollback %s holds %s: the sent \"%s\" was discarded%n",
                                OUT, browse(connection, output), result);
                        continue;
                    }
                    if (body.equals("order-" + orders) && (failingOrder == 0 || failed)) {
                        break;
                    }
                }
            }
            List<String> result = browse(connection, output);
            out.printf("%s holds %s (%d/%d, each once); %s holds %d%n",
                    OUT, result, result.size(), orders, IN, browse(connection, in).size());
            return result;
        } finally {
            Brokers.stop(BROKER);
        }
    }

    private static List<String> browse(Connection connection, Queue queue) throws JMSException {
        List<String> bodies = new ArrayList<>();
        try (Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
             QueueBrowser browser = session.createBrowser(queue)) {
            var messages = browser.getEnumeration();
            while (messages.hasMoreElements()) {
                bodies.add(((Message) messages.nextElement()).getBody(String.class));
            }
        }
        return bodies;
    }
}
