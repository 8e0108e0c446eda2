package dev.ferrymq.engine.admin;

import dev.ferrymq.FerryConnectionFactory;
import dev.ferrymq.client.destination.FerryQueue;
import dev.ferrymq.engine.Brokers;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The data tool on a stopped broker's directory: list, browse, move dead letters back; a running broker's directory is refused. */
@Timeout(60)
class DataToolTest {

    @TempDir
    Path dir;

    private final String broker = "tool-" + UUID.randomUUID().toString().substring(0, 8);
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @AfterEach
    void stop() {
        Brokers.stop(broker);
    }

    private FerryConnectionFactory factory() {
        return new FerryConnectionFactory("vm://" + broker + "?store=file&maxDeliveryAttempts=1&dataDirectory="
                + URLEncoder.encode(dir.toString(), StandardCharsets.UTF_8));
    }

    private int tool(String... args) {
        out.reset();
        err.reset();
        return DataTool.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    /** Three PERSISTENT messages on orders; one of them consumed, recovered and so dead-lettered. */
    private void fill() throws Exception {
        try (Connection c = factory().createConnection()) {
            c.start();
            Session s = c.createSession(false, Session.CLIENT_ACKNOWLEDGE);
            MessageProducer p = s.createProducer(new FerryQueue("orders"));
            p.setDeliveryMode(DeliveryMode.PERSISTENT);
            for (int i = 0; i < 3; i++) {
                p.send(s.createTextMessage("order-" + i));
            }
            MessageConsumer consumer = s.createConsumer(new FerryQueue("orders"));
            assertThat(((TextMessage) consumer.receive(5000)).getText()).isEqualTo("order-0");
            consumer.close();
            s.recover();
        }
    }

    @Test
    @DisplayName("list shows depths, browse the messages, move brings dead letters back to their origin")
    void listBrowseMove() throws Exception {
        fill();
        Brokers.stop(broker);

        assertThat(tool(dir.toString(), "list")).isEqualTo(DataTool.OK);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("2\t2\t0\torders").contains("1\t1\t0\tDLQ.orders");

        assertThat(tool(dir.toString(), "browse", "orders")).isEqualTo(DataTool.OK);
        String browsed = out.toString(StandardCharsets.UTF_8);
        assertThat(browsed).contains("\"order-1\"").contains("\"order-2\"").contains("PERSISTENT")
                .contains("2 of 2 available message(s)");

        assertThat(tool(dir.toString(), "move", "DLQ.orders")).isEqualTo(DataTool.OK);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("1 message(s) moved");

        assertThat(tool(dir.toString(), "list")).isEqualTo(DataTool.OK);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("3\t3\t0\torders").doesNotContain("DLQ.orders");
    }

    @Test
    @DisplayName("A directory a running broker holds is refused, naming the lock; the running broker is unaffected")
    void refusesRunningBroker() throws Exception {
        fill();
        assertThat(Brokers.find(broker)).isNotNull();
        assertThat(tool(dir.toString(), "list")).isEqualTo(DataTool.CANNOT_OPEN);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("refused").contains("in use");
        try (Connection c = factory().createConnection()) {
            c.start();
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            assertThat(s.createConsumer(new FerryQueue("orders")).receive(5000)).isNotNull();
        }
    }

    @Test
    @DisplayName("Bad usage and a missing directory are refused with their own exit codes")
    void usage() {
        assertThat(tool()).isEqualTo(DataTool.USAGE);
        assertThat(tool(dir.toString(), "frobnicate")).isEqualTo(DataTool.USAGE);
        assertThat(tool(dir.toString(), "browse", "q", "x")).isEqualTo(DataTool.USAGE);
        assertThat(tool(dir.resolve("missing").toString(), "list")).isEqualTo(DataTool.CANNOT_OPEN);
    }
}
