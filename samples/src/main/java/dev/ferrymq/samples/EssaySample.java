package dev.ferrymq.samples;

import dev.ferrymq.FerryConnectionFactory;
import dev.ferrymq.admin.Brokers;
import dev.ferrymq.spi.config.RedeliveryPolicy;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;

import java.io.PrintStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The essay's example made real: a sender thread sends "Hello, World!" every period to queue
 * {@code hello}; a receiver gets it asynchronously (a {@code MessageListener}) in
 * {@code CLIENT_ACKNOWLEDGE} mode and acknowledges each message, except that it leaves one
 * message unacknowledged once: the broker's acknowledgement timeout ({@code ackTimeout}) takes it
 * back and delivers it again. At the end the sample prints the essay's figures as the broker counts
 * them, read from the queue's MBean ({@link BrokerFigures}), and those it measures itself on the
 * client's side ({@link EssayFigures}).
 *
 * <p>Arguments: {@code [count [periodMillis [ackTimeoutMillis [unacknowledgedSeq]]]]}, by default
 * 5 messages every 1000 ms, a timeout of 300 ms, message 2 left unacknowledged (0: none).
 *
 * <p>Threading: the sender is a single scheduled thread with its own session; the listener runs on
 * the receiver session's delivery thread; the connection's ExceptionListener on a provider thread;
 * they share only {@link EssayFigures} and the future that says when all is acknowledged; the main
 * thread reads the broker's figures once the receiver is closed.
 */
public final class EssaySample {

    static final String BROKER = "samples-essay";
    static final String QUEUE = "hello";
    static final String SEQ = "seq";
    static final long TIME_TO_LIVE = 60_000;

    /**
     * How the sample runs. In CLIENT_ACKNOWLEDGE mode an acknowledgement covers every message the
     * session consumed, so the timeout must pass before the next message arrives: ackTimeout is at
     * most half the period.
     */
    public record Settings(int count, long periodMillis, long ackTimeoutMillis, int unacknowledgedSeq) {
        public Settings {
            if (count < 1 || periodMillis < 1 || ackTimeoutMillis < 1) {
                throw new IllegalArgumentException("count, period and ackTimeout must be positive: " + this);
            }
            if (ackTimeoutMillis * 2 > periodMillis) {
                throw new IllegalArgumentException("ackTimeout (" + ackTimeoutMillis
                        + " ms) must be at most half the period (" + periodMillis + " ms)");
            }
            if (unacknowledgedSeq < 0 || unacknowledgedSeq > count) {
                throw new IllegalArgumentException("unacknowledgedSeq must be 0 (none) or 1.." + count
                        + ": " + unacknowledgedSeq);
            }
        }

        public static Settings parse(String... args) {
            return new Settings(args.length > 0 ? Integer.parseInt(args[0]) : 5,
                    args.length > 1 ? Long.parseLong(args[1]) : 1000,
                    args.length > 2 ? Long.parseLong(args[2]) : 300,
                    args.length > 3 ? Integer.parseInt(args[3]) : 2);
        }
    }

    private EssaySample() {
    }

    public static void main(String[] args) throws Exception {
        run(Settings.parse(args), System.out);
    }

    /** What one run measured: on the client's side, and as the broker's MBean of queue {@code hello} says. */
    public record Result(EssayFigures sample, BrokerFigures broker) {
    }

    /**
     * Runs the example on broker {@code samples-essay} (with {@code jmx=true}, which the broker's
     * figures are read from), printing to {@code out}; stops the broker at the end.
     */
    public static Result run(Settings s, PrintStream out) throws JMSException, InterruptedException {
        FerryConnectionFactory factory = new FerryConnectionFactory(
                "vm://" + BROKER + "?store=memory&jmx=true")
                .withRedeliveryPolicy(QUEUE, RedeliveryPolicy.defaults().withAckTimeout(s.ackTimeoutMillis()));
        out.printf("essay: %d x \"Hello, World!\" every %d ms to queue %s, CLIENT_ACKNOWLEDGE, ackTimeout=%d ms%s%n",
                s.count(), s.periodMillis(), QUEUE, s.ackTimeoutMillis(),
                s.unacknowledgedSeq() > 0 ? ", message #" + s.unacknowledgedSeq() + " left unacknowledged once" : "");
        EssayFigures figures = new EssayFigures();
        BrokerFigures brokerFigures;
        try (Connection connection = factory.createConnection()) {
            connection.setExceptionListener(e -> out.println("broker:   " + e.getMessage()));
            Session receiving = connection.createSession(Session.CLIENT_ACKNOWLEDGE);
            Queue queue = receiving.createQueue(QUEUE);
            CompletableFuture<Void> finished = new CompletableFuture<>();
            receiving.createConsumer(queue).setMessageListener(m -> {
                try {
                    receive(m, s, figures, finished, out);
                } catch (JMSException e) {
                    out.println("receiver: failed: " + e);
                    finished.completeExceptionally(e);
                }
            });
            connection.start();
            ScheduledExecutorService sender = startSender(connection, queue, s, figures, finished, out);
            long patience = s.count() * s.periodMillis() + 10 * s.ackTimeoutMillis() + 10_000;
            try {
                finished.get(patience, TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                throw (JMSException) e.getCause();
            } catch (TimeoutException e) {
                throw new JMSException("only " + figures.acknowledgedCount() + " of " + s.count()
                        + " messages acknowledged within " + patience + " ms (when an acknowledge() of a later"
                        + " message comes before the held message's ackTimeout passed, CLIENT_ACKNOWLEDGE"
                        + " acknowledges the held one too and it never comes back: a machine too busy for"
                        + " an ackTimeout of " + s.ackTimeoutMillis() + " ms and a period of " + s.periodMillis() + " ms)");
            } finally {
                sender.shutdownNow();
            }
            receiving.close();
            brokerFigures = BrokerFigures.read(BROKER, QUEUE);
        } finally {
            Brokers.stop(BROKER);
        }
        out.printf("receiver: acknowledged %d/%d%n", figures.acknowledgedCount(), s.count());
        brokerFigures.print(out);
        figures.print(out);
        return new Result(figures, brokerFigures);
    }

    /** The listener's work for one delivery: measure, then acknowledge (or, once, do not). */
    private static void receive(Message m, Settings s, EssayFigures figures, CompletableFuture<Void> finished,
                                PrintStream out) throws JMSException {
        long deliveredAt = System.nanoTime();
        int seq = m.getIntProperty(SEQ);
        int delivery = m.getIntProperty("JMSXDeliveryCount");
        long sinceFirst = figures.delivered(seq, deliveredAt);
        String what = String.format("receiver: got #%d \"%s\" (delivery %d%s)", seq, m.getBody(String.class),
                delivery, sinceFirst >= 0 ? ", redelivered after " + sinceFirst + " ms" : "");
        if (seq == s.unacknowledgedSeq() && delivery == 1) {
            out.println(what + ", NOT acknowledging it");
            return;
        }
        long ackCall = System.nanoTime();
        m.acknowledge();
        long ackReturn = System.nanoTime();
        out.println(what + ", acknowledged");
        figures.acknowledged(seq, deliveredAt, ackCall, ackReturn);
        if (figures.acknowledgedCount() == s.count()) {
            finished.complete(null);
        }
    }

    /**
     * A thread that sends message #1.. #count, one per period, on a session of its own; a failed
     * send stops it and fails {@code finished}.
     */
    private static ScheduledExecutorService startSender(Connection connection, Queue queue, Settings s,
                                                        EssayFigures figures, CompletableFuture<Void> finished,
                                                        PrintStream out) throws JMSException {
        Session sending = connection.createSession(Session.AUTO_ACKNOWLEDGE);
        MessageProducer producer = sending.createProducer(queue);
        producer.setTimeToLive(TIME_TO_LIVE);
        ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "essay-sender");
            t.setDaemon(true);
            return t;
        });
        int[] next = {1};
        sender.scheduleAtFixedRate(() -> {
            if (next[0] > s.count()) {
                sender.shutdown();
                return;
            }
            try {
                Message m = sending.createTextMessage("Hello, World!");
                m.setIntProperty(SEQ, next[0]);
                producer.send(m);
                figures.sent();
                out.printf("sender:   sent #%d%n", next[0]++);
            } catch (JMSException e) {
                out.println("sender:   failed: " + e);
                finished.completeExceptionally(e);
                sender.shutdown();
            }
        }, 0, s.periodMillis(), TimeUnit.MILLISECONDS);
        return sender;
    }
}
