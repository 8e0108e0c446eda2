package dev.ferrymq.samples;

import dev.ferrymq.FerryConnectionFactory;
import dev.ferrymq.admin.Brokers;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Persistence: a child JVM sends PERSISTENT messages to queue {@code payments} on a broker with
 * {@code store=file}; once its last send returned it is killed hard (SIGKILL through
 * {@link ProcessHandle#destroyForcibly}), without closing anything. This JVM then starts the
 * broker again on the same data directory and receives every message.
 *
 * <p>Arguments: {@code [count [dataDirectory]]}, by default 10 messages in a new temporary
 * directory (deleted at the end). {@code --child <dataDirectory> <count>} is the child's part.
 *
 * <p>Threading: the parent runs on the calling thread; a {@link ChildProcess} thread reads the
 * child's output.
 */
public final class PersistenceSample {

    static final String BROKER = "samples-persistence";
    static final String QUEUE = "payments";
    static final String CHILD = "--child";
    static final String SENT = "SENT";
    private static final long CHILD_TIMEOUT = 60_000;
    private static final long RECEIVE_TIMEOUT = 5_000;
    /** How long the parent waits for a message beyond the expected ones (there must be none). */
    private static final long EXTRA_TIMEOUT = 200;

    private PersistenceSample() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals(CHILD)) {
            child(Path.of(args[1]), Integer.parseInt(args[2]));
            return;
        }
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        run(count, args.length > 1 ? Path.of(args[1]) : null, System.out);
    }

    static String url(Path dataDirectory) {
        return "vm://" + BROKER + "?store=file&dataDirectory="
                + URLEncoder.encode(dataDirectory.toString(), StandardCharsets.UTF_8);
    }

    /**
     * Runs the sample, printing to {@code out}: a child JVM sends {@code count} messages and is
     * killed, then this JVM receives them. {@code dataDirectory} null: a temporary directory,
     * deleted at the end. Returns the bodies received after the restart.
     */
    public static List<String> run(int count, Path dataDirectory, PrintStream out)
            throws IOException, InterruptedException, JMSException {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1: " + count);
        }
        Path dir = dataDirectory != null ? dataDirectory : Files.createTempDirectory("ferrymq-sample-");
        try {
            out.printf("persistence: a child JVM sends %d PERSISTENT messages to queue %s (store=file, dataDirectory=%s)%n",
                    count, QUEUE, dir);
            try (ChildProcess child = ChildProcess.start(PersistenceSample.class, out, CHILD, dir.toString(),
                    Integer.toString(count))) {
                if (!child.awaitLine(SENT, CHILD_TIMEOUT)) {
                    throw new IllegalStateException("the child JVM did not report its sends within "
                            + CHILD_TIMEOUT + " ms; its output: " + child.lines());
                }
                int exit = child.kill();
                out.printf("parent: killed the child JVM (pid %d) with destroyForcibly after its sends returned: exit code %d%n",
                        child.pid(), exit);
            }
            List<String> received = receiveAll(dir, count);
            boolean inOrder = received.equals(expected(count));
            out.printf("parent: broker started again on %s: received %d/%d after restart%s%n", dir,
                    received.size(), count, inOrder ? ", in order, none twice, nothing more" : ": " + received);
            return received;
        } finally {
            Brokers.stop(BROKER);
            if (dataDirectory == null) {
                deleteRecursively(dir);
            }
        }
    }

    /** The child JVM: sends, reports, then waits to be killed (it never closes the broker). */
    private static void child(Path dir, int count) throws JMSException, IOException {
        Connection connection = new FerryConnectionFactory(url(dir)).createConnection();
        Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
        MessageProducer producer = session.createProducer(session.createQueue(QUEUE));
        producer.setDeliveryMode(DeliveryMode.PERSISTENT);
        for (int i = 1; i <= count; i++) {
            producer.send(session.createTextMessage("payment-" + i));
            System.out.println("sent payment-" + i + " (send returned: it is on disk)");
        }
        System.out.println(SENT + " " + count);
        System.out.flush();
        while (System.in.read() >= 0) {
            Thread.onSpinWait();
        }
    }

    /** Receives (and acknowledges) the {@code count} messages expected, then any more there are. */
    private static List<String> receiveAll(Path dir, int count) throws JMSException {
        List<String> received = new ArrayList<>();
        try (Connection connection = new FerryConnectionFactory(url(dir)).createConnection()) {
            connection.start();
            Session session = connection.createSession(Session.CLIENT_ACKNOWLEDGE);
            Queue queue = session.createQueue(QUEUE);
            MessageConsumer consumer = session.createConsumer(queue);
            for (int i = 0; i < count; i++) {
                Message m = consumer.receive(RECEIVE_TIMEOUT);
                if (m == null) {
                    break;
                }
                received.add(m.getBody(String.class));
                m.acknowledge();
            }
            for (Message extra; (extra = consumer.receive(EXTRA_TIMEOUT)) != null; ) {
                received.add(extra.getBody(String.class));
                extra.acknowledge();
            }
        }
        return received;
    }

    private static List<String> expected(int count) {
        List<String> bodies = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            bodies.add("payment-" + i);
        }
        return bodies;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
