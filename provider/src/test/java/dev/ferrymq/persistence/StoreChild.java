package dev.ferrymq.persistence;

import dev.ferrymq.FerryConnectionFactory;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The program persistence tests run in a child JVM.
 *
 * <ul>
 * <li>{@code hold <dir>}: opens a broker on the data directory, prints {@code READY} and keeps it
 * until its standard input closes.</li>
 * <li>{@code crash <dir> <round> <seed>}: two producer threads send PERSISTENT messages to queue
 * {@code crash}, printing {@code S <id>} once each send returned; a transacted consumer receives
 * them, printing {@code R <id>} once received, {@code T <id>} just before commit and
 * {@code C <id>} once commit returned (a few transactions are rolled back instead); it runs until
 * the parent kills it.</li>
 * </ul>
 */
public final class StoreChild {

    private StoreChild() {
    }

    /**
     * No Micrometer meters in the child: the test class path has slf4j-api (from ArchUnit) without a
     * binding, and Micrometer's first log call would print SLF4J's warning, which the parent reads
     * as unexpected output.
     */
    static String url(String dir) {
        return "vm://crash?store=file&metrics=false&dataDirectory=" + URLEncoder.encode(dir, StandardCharsets.UTF_8);
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true);
        FerryConnectionFactory factory = new FerryConnectionFactory(url(args[1]));
        if (args[0].equals("hold")) {
            try (Connection c = factory.createConnection()) {
                c.start();
                out.println("READY");
                while (System.in.read() >= 0) {
                    Thread.onSpinWait();
                }
            }
            return;
        }
        String round = args[2];
        Random random = new Random(Long.parseLong(args[3]));
        Connection connection = factory.createConnection();
        connection.start();
        List<Thread> producers = new ArrayList<>();
        for (int p = 0; p < 2; p++) {
            String prefix = round + "-" + p + "-";
            Thread t = new Thread(() -> produce(connection, prefix, out), "producer-" + p);
            t.setDaemon(true);
            t.start();
            producers.add(t);
        }
        out.println("READY");
        Session session = connection.createSession(Session.SESSION_TRANSACTED);
        MessageConsumer consumer = session.createConsumer(session.createQueue("crash"));
        List<String> inTx = new ArrayList<>();
        while (true) {
            Message m = consumer.receive(50);
            if (m != null) {
                String id = ((TextMessage) m).getText();
                out.println("R " + id + (m.getJMSRedelivered() ? " redelivered" : ""));
                inTx.add(id);
            }
            if (inTx.size() >= 1 + random.nextInt(4) || (m == null && !inTx.isEmpty())) {
                if (random.nextInt(8) == 0) {
                    session.rollback();
                } else {
                    for (String id : inTx) {
                        out.println("T " + id);
                    }
                    session.commit();
                    for (String id : inTx) {
                        out.println("C " + id);
                    }
                }
                inTx.clear();
            }
        }
    }

    private static void produce(Connection connection, String prefix, PrintStream out) {
        try {
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            Queue queue = session.createQueue("crash");
            MessageProducer producer = session.createProducer(queue);
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            for (int n = 0; ; n++) {
                String id = prefix + n;
                producer.send(session.createTextMessage(id));
                out.println("S " + id);
            }
        } catch (JMSException e) {
            out.println("ERROR " + e);
        }
    }
}
