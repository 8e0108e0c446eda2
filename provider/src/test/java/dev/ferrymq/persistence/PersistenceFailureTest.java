package dev.ferrymq.persistence;

import dev.ferrymq.engine.BrokerOptions;
import dev.ferrymq.FerryConnectionFactory;
import dev.ferrymq.engine.Brokers;
import dev.ferrymq.store.FaultyFiles;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import jakarta.jms.ResourceAllocationRuntimeException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The store's failure modes as a JMS application sees them: a locked directory, a full disk, damage, another version. */
class PersistenceFailureTest extends PersistenceTestSupport {

    @Test
    @DisplayName("A data directory in use by another broker of this JVM: createConnection fails with a JMSException naming it")
    void lockedInThisJvm() throws Exception {
        try (JMSContext first = context(JMSContext.AUTO_ACKNOWLEDGE)) {
            first.createProducer().send(first.createQueue("q"), "x");
            String other = "vm://" + broker + "-other?store=file&dataDirectory=" + dir;
            assertThatThrownBy(() -> new FerryConnectionFactory(other).createConnection())
                    .isInstanceOf(JMSException.class)
                    .hasMessageContaining(dir.toString())
                    .hasMessageContaining("in use");
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    @DisplayName("Two JVMs never open one data directory: the second fails with a JMSException naming the directory and the holder's pid")
    void lockedByAnotherJvm() throws Exception {
        try (ChildJvm child = new ChildJvm("hold", dir.toString())) {
            assertThat(child.awaitReady(30_000)).as("child output " + child.lines).isTrue();
            assertThatThrownBy(() -> factory().createConnection())
                    .isInstanceOf(JMSException.class)
                    .hasMessageContaining(dir.toString())
                    .hasMessageContaining("pid " + child.process.pid());
        }
        try (JMSContext ctx = context(JMSContext.AUTO_ACKNOWLEDGE)) {
            ctx.createProducer().send(ctx.createQueue("q"), "after the other JVM died");
        }
    }

    @Test
    @DisplayName("Disk full: a PERSISTENT send fails with ResourceAllocationException, nothing acknowledged is lost, sends work again once space returns")
    void diskFull() {
        FaultyFiles disk = new FaultyFiles();
        Brokers.getOrStart(broker, BrokerOptions.DECLARED.parse(Map.of("store", "file", "dataDirectory", dir.toString())),
                c -> c.withChannelFactory(disk));
        try (JMSContext ctx = context(JMSContext.AUTO_ACKNOWLEDGE)) {
            Queue q = ctx.createQueue("full");
            ctx.createProducer().send(q, "before");
            disk.diskFull = true;
            assertThatThrownBy(() -> ctx.createProducer().send(q, "while full"))
                    .isInstanceOf(ResourceAllocationRuntimeException.class)
                    .hasMessageContaining("full");
            disk.diskFull = false;
            ctx.createProducer().send(q, "after");
        }
        restart();
        try (JMSContext ctx = context(JMSContext.AUTO_ACKNOWLEDGE)) {
            var c = ctx.createConsumer(ctx.createQueue("full"));
            List<String> got = new ArrayList<>();
            for (String s; (s = c.receiveBody(String.class, 500)) != null; ) {
                got.add(s);
            }
            assertThat(got).contains("before", "after").doesNotHaveDuplicates();
        }
    }

    @Test
    @DisplayName("Local transactions, disk full: a commit whose write fails throws TransactionRolledBackRuntimeException, sends nothing and redelivers what it consumed")
    void diskFullCommitRollsBack() {
        FaultyFiles disk = new FaultyFiles();
        Brokers.getOrStart(broker, BrokerOptions.DECLARED.parse(Map.of("store", "file", "dataDirectory", dir.toString())),
                c -> c.withChannelFactory(disk));
        try (JMSContext feeder = context(JMSContext.AUTO_ACKNOWLEDGE);
             JMSContext tx = context(JMSContext.SESSION_TRANSACTED)) {
            feeder.createProducer().send(feeder.createQueue("tx-in"), "request");
            var in = tx.createConsumer(tx.createQueue("tx-in"));
            assertThat(in.receiveBody(String.class, 5000)).isEqualTo("request");
            tx.createProducer().send(tx.createQueue("tx-out"), "reply");
            disk.diskFull = true;
            assertThatThrownBy(tx::commit).isInstanceOf(jakarta.jms.TransactionRolledBackRuntimeException.class);
            disk.diskFull = false;
            jakarta.jms.Message again = in.receive(5000);
            assertThat(again).as("the consumed message, redelivered").isNotNull();
            assertThat(body(again)).isEqualTo("request");
            assertThat(deliveryCount(again)).isEqualTo(2);
            tx.commit();
            assertThat(feeder.createConsumer(feeder.createQueue("tx-out")).receiveNoWait())
                    .as("the rolled-back send is gone").isNull();
        }
    }

    @Test
    @DisplayName("A failed write on the move path loses nothing: a stored message whose dead-letter write fails stays on its queue and is delivered again")
    void failedDeadLetterWriteKeepsStoredMessage() throws JMSException {
        FaultyFiles disk = new FaultyFiles();
        Brokers.getOrStart(broker, BrokerOptions.DECLARED.parse(Map.of("store", "file", "dataDirectory", dir.toString(),
                "maxDeliveryAttempts", "1", "deadLetterQueue", "DLQ.all")), c -> c.withChannelFactory(disk));
        try (JMSContext ctx = context(JMSContext.CLIENT_ACKNOWLEDGE)) {
            Queue q = ctx.createQueue("stored-poison");
            ctx.createProducer().send(q, "poison");
            var consumer = ctx.createConsumer(q);
            assertThat(consumer.receiveBody(String.class, 5000)).isEqualTo("poison");
            disk.diskFull = true;
            ctx.recover();
            jakarta.jms.Message again = consumer.receive(5000);
            assertThat(again).as("still on its queue, delivered again").isNotNull();
            assertThat(body(again)).isEqualTo("poison");
            disk.diskFull = false;
            again.acknowledge();
            assertThat(ctx.createConsumer(ctx.createQueue("DLQ.all")).receiveNoWait()).as("not also dead-lettered").isNull();
        }
    }

    private static String body(jakarta.jms.Message m) {
        try {
            return m.getBody(String.class);
        } catch (JMSException e) {
            throw new AssertionError(e);
        }
    }

    private static int deliveryCount(jakarta.jms.Message m) {
        try {
            return m.getIntProperty("JMSXDeliveryCount");
        } catch (JMSException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    @DisplayName("A failed write on the move path loses nothing: a dead letter of an unstored queue whose DLQ write fails is kept in memory and delivered")
    void failedWriteOfAMovedMessageKeepsIt() throws Exception {
        FaultyFiles disk = new FaultyFiles();
        Brokers.getOrStart(broker, BrokerOptions.DECLARED.parse(Map.of("store", "file", "dataDirectory", dir.toString(),
                "maxDeliveryAttempts", "1", "deadLetterQueue", "DLQ.all")), c -> c.withChannelFactory(disk));
        try (JMSContext ctx = context(JMSContext.CLIENT_ACKNOWLEDGE)) {
            Queue temporary = ctx.createTemporaryQueue();
            ctx.createProducer().send(temporary, "poison");
            var consumer = ctx.createConsumer(temporary);
            assertThat(consumer.receiveBody(String.class, 5000)).isEqualTo("poison");
            disk.diskFull = true;
            ctx.recover();
            var dlq = ctx.createConsumer(ctx.createQueue("DLQ.all"));
            jakarta.jms.Message dead = dlq.receive(5000);
            assertThat(dead).as("the dead letter whose write failed").isNotNull();
            assertThat(dead.getBody(String.class)).isEqualTo("poison");
            dead.acknowledge();
            assertThat(consumer.receiveNoWait()).as("moved, not also left behind").isNull();
            disk.diskFull = false;
        }
    }

    @Test
    @DisplayName("A data directory of an incompatible store version: createConnection fails with a JMSException saying so")
    void incompatibleVersion() throws Exception {
        try (JMSContext ctx = context(JMSContext.AUTO_ACKNOWLEDGE)) {
            ctx.createProducer().send(ctx.createQueue("q"), "x");
        }
        restart();
        Path file = journalFiles().get(0);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.allocate(4).putInt(0, 99), "FERRYMQJ".getBytes(StandardCharsets.US_ASCII).length);
        }
        for (int attempt = 0; attempt < 2; attempt++) {
            assertThatThrownBy(() -> factory().createConnection())
                    .isInstanceOf(JMSException.class)
                    .hasMessageContaining("incompatible")
                    .hasMessageContaining(dir.toString());
        }
    }

    @Test
    @DisplayName("A journal cut short or damaged: the broker starts with everything before the damage, every time")
    void damagedJournal() throws Exception {
        try (JMSContext ctx = context(JMSContext.AUTO_ACKNOWLEDGE)) {
            Queue q = ctx.createQueue("dmg");
            for (int i = 0; i < 10; i++) {
                ctx.createProducer().send(q, "m" + i);
            }
        }
        restart();
        Path file = journalFiles().get(journalFiles().size() - 1);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.truncate(dataEnd(file) - 3);
        }
        for (int attempt = 0; attempt < 2; attempt++) {
            try (JMSContext ctx = context(JMSContext.AUTO_ACKNOWLEDGE)) {
                var browser = ctx.createBrowser(ctx.createQueue("dmg"));
                List<String> got = new ArrayList<>();
                var e = browser.getEnumeration();
                while (e.hasMoreElements()) {
                    got.add(((jakarta.jms.Message) e.nextElement()).getBody(String.class));
                }
                assertThat(got).containsExactly("m0", "m1", "m2", "m3", "m4", "m5", "m6", "m7", "m8");
            }
            restart();
        }
    }

    @Test
    @DisplayName("Bad store options fail createConnection with a JMSException naming the option; unknown options still fail")
    void badOptions() {
        assertThatThrownBy(() -> new FerryConnectionFactory("vm://" + broker + "?store=disk").createConnection())
                .isInstanceOf(JMSException.class).hasMessageContaining("store");
        assertThatThrownBy(() -> new FerryConnectionFactory("vm://" + broker + "?syncPolicy=sometimes").createConnection())
                .isInstanceOf(JMSException.class).hasMessageContaining("syncPolicy");
        assertThatThrownBy(() -> new FerryConnectionFactory("vm://" + broker + "?dataDir=x").createConnection())
                .isInstanceOf(JMSException.class).hasMessageContaining("dataDir");
        try (JMSContext ctx = new FerryConnectionFactory(url("syncPolicy=interval&syncInterval=5&journalFileSize=65536"))
                .createContext()) {
            ctx.createProducer().send(ctx.createQueue("opts"), "ok");
            assertThat(ctx.createConsumer(ctx.createQueue("opts")).receiveBody(String.class, 5000)).isEqualTo("ok");
        }
    }

    /** Where the data of {@code file} ends: past its last non-zero byte (a journal file may have a zero tail). */
    private static long dataEnd(Path file) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        int end = bytes.length;
        while (end > 0 && bytes[end - 1] == 0) {
            end--;
        }
        return end;
    }

    private List<Path> journalFiles() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith("journal-")).sorted().toList();
        }
    }
}
