package dev.ferrymq.persistence;

import dev.ferrymq.engine.BrokerOptions;
import dev.ferrymq.FerryConnectionFactory;
import dev.ferrymq.client.destination.FerryQueue;
import dev.ferrymq.engine.Brokers;
import dev.ferrymq.spi.DeadLetterProperties;
import dev.ferrymq.store.FaultyFiles;
import dev.ferrymq.store.Journal;
import dev.ferrymq.store.JournalConfig;
import dev.ferrymq.store.journals.Journals;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * README "Persistence" and "Acknowledgement and redelivery" (dead-letter and expiry queues,
 * moveToOrigin) with 4.1.1 "Delivery mode" (a PERSISTENT message is neither lost nor duplicated by
 * a provider failure): a stored message moved to another queue is written there and deleted here
 * in one atomic journal batch, so a crash at any point leaves it in exactly one of the two queues.
 */
class AtomicMoveTest extends PersistenceTestSupport {

    private static final long WAIT = 5000;
    /** The engine's message record type ({@code dev.ferrymq.engine.persistence.Records.MESSAGE}). */
    private static final byte MESSAGE_RECORD = 1;

    @Test
    @DisplayName("Dead-letter queues / 4.1.1 PERSISTENT: a dead-lettered message is in DLQ.<queue> exactly once after a restart and no longer in its queue")
    void deadLetterOnceAfterRestart() throws Exception {
        FerryConnectionFactory factory = new FerryConnectionFactory(url("maxDeliveryAttempts=2"));
        try (JMSContext ctx = factory.createContext(JMSContext.SESSION_TRANSACTED)) {
            Queue q = ctx.createQueue("poison");
            ctx.createProducer().send(q, "bad");
            ctx.commit();
            JMSConsumer c = ctx.createConsumer(q);
            for (int attempt = 1; attempt <= 2; attempt++) {
                assertThat(c.receiveBody(String.class, WAIT)).isEqualTo("bad");
                ctx.rollback();
            }
            awaitAvailable(ctx, "DLQ.poison");
        }
        restart();
        try (JMSContext ctx = factory.createContext(JMSContext.CLIENT_ACKNOWLEDGE)) {
            assertThat(ctx.createConsumer(ctx.createQueue("poison")).receive(300)).isNull();
            JMSConsumer dlq = ctx.createConsumer(ctx.createQueue("DLQ.poison"));
            Message dead = dlq.receive(WAIT);
            assertThat(dead.getBody(String.class)).isEqualTo("bad");
            assertThat(dead.getStringProperty(DeadLetterProperties.ORIGINAL_DESTINATION)).isEqualTo("poison");
            assertThat(dead.getIntProperty(DeadLetterProperties.DELIVERY_COUNT)).isEqualTo(2);
            assertThat(dlq.receive(300)).as("in the dead-letter queue once").isNull();
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    @DisplayName("Dead-letter queues / 4.1.1 PERSISTENT: cut the journal after any byte of the dead-letter move: the message is stored exactly once, never in both queues")
    void deadLetterMoveIsOneBatch() throws Exception {
        FerryConnectionFactory factory = new FerryConnectionFactory(url("maxDeliveryAttempts=2&journalPreallocate=false"));
        long beforeMove;
        try (JMSContext ctx = factory.createContext(JMSContext.SESSION_TRANSACTED)) {
            Queue q = ctx.createQueue("poison");
            ctx.createProducer().send(q, "bad");
            ctx.commit();
            JMSConsumer c = ctx.createConsumer(q);
            assertThat(c.receiveBody(String.class, WAIT)).isEqualTo("bad");
            ctx.rollback();
            assertThat(c.receiveBody(String.class, WAIT)).isEqualTo("bad");
            beforeMove = Files.size(newestJournalFile(dir));
            ctx.rollback();
            awaitAvailable(ctx, "DLQ.poison");
        }
        restart();
        Path file = newestJournalFile(dir);
        long end = Files.size(file);
        assertThat(end).as("the move was written after the last delivery").isGreaterThan(beforeMove);
        java.util.logging.Logger tornTails = java.util.logging.Logger.getLogger("dev.ferrymq.store");
        java.util.logging.Level level = tornTails.getLevel();
        tornTails.setLevel(java.util.logging.Level.SEVERE);
        try {
            for (long cut = beforeMove; cut <= end; cut++) {
                Path copy = Files.createDirectories(dir.resolve("cut-" + cut));
                copyJournal(dir, copy, cut);
                assertThat(storedMessages(copy))
                        .as("message records recovered when the journal ends at byte " + cut + " of " + end)
                        .isEqualTo(1);
            }
        } finally {
            tornTails.setLevel(level);
        }
        try (JMSContext ctx = factory.createContext(JMSContext.AUTO_ACKNOWLEDGE)) {
            assertThat(ctx.createConsumer(ctx.createQueue("poison")).receive(300)).isNull();
            assertThat(ctx.createConsumer(ctx.createQueue("DLQ.poison")).receiveBody(String.class, WAIT))
                    .isEqualTo("bad");
        }
    }

    @Test
    @DisplayName("Dead-letter queues / 4.1.1 PERSISTENT: when the dead-letter move cannot be written (disk full) the message stays on its queue and is delivered again; once space returns it moves")
    void failedDeadLetterMoveKeepsMessage() throws Exception {
        FaultyFiles disk = new FaultyFiles();
        Brokers.getOrStart(broker, BrokerOptions.DECLARED.parse(Map.of("store", "file", "dataDirectory", dir.toString(),
                "maxDeliveryAttempts", "1")), c -> c.withChannelFactory(disk));
        try (JMSContext ctx = factory().createContext(JMSContext.SESSION_TRANSACTED)) {
            Queue q = ctx.createQueue("poison");
            ctx.createProducer().send(q, "bad");
            ctx.commit();
            JMSConsumer c = ctx.createConsumer(q);
            assertThat(c.receiveBody(String.class, WAIT)).isEqualTo("bad");
            disk.diskFull = true;
            ctx.rollback();
            Message again = c.receive(WAIT);
            assertThat(again).as("kept on its queue when the move failed").isNotNull();
            assertThat(again.getIntProperty("JMSXDeliveryCount")).isEqualTo(2);
            disk.diskFull = false;
            ctx.rollback();
            awaitAvailable(ctx, "DLQ.poison");
        }
        restart();
        try (JMSContext ctx = factory().createContext(JMSContext.CLIENT_ACKNOWLEDGE)) {
            assertThat(ctx.createConsumer(ctx.createQueue("poison")).receive(300)).isNull();
            JMSConsumer dlq = ctx.createConsumer(ctx.createQueue("DLQ.poison"));
            assertThat(dlq.receiveBody(String.class, WAIT)).isEqualTo("bad");
            assertThat(dlq.receive(300)).isNull();
        }
    }

    @Test
    @DisplayName("FerryMQ extension moveToOrigin / 4.1.1 PERSISTENT: a dead letter moved back is in its queue exactly once after a restart, no longer in the dead-letter queue")
    void moveToOriginOnceAfterRestart() throws Exception {
        FerryConnectionFactory factory = new FerryConnectionFactory(url("maxDeliveryAttempts=1"));
        try (JMSContext ctx = factory.createContext(JMSContext.SESSION_TRANSACTED)) {
            Queue q = ctx.createQueue("work");
            ctx.createProducer().send(q, "retry-me");
            ctx.commit();
            assertThat(ctx.createConsumer(q).receiveBody(String.class, WAIT)).isEqualTo("retry-me");
            ctx.rollback();
            awaitAvailable(ctx, "DLQ.work");
        }
        assertThat(factory.moveToOrigin(new FerryQueue("DLQ.work"), null)).isEqualTo(1);
        restart();
        try (JMSContext ctx = factory.createContext(JMSContext.CLIENT_ACKNOWLEDGE)) {
            assertThat(ctx.createConsumer(ctx.createQueue("DLQ.work")).receive(300)).isNull();
            JMSConsumer c = ctx.createConsumer(ctx.createQueue("work"));
            Message back = c.receive(WAIT);
            assertThat(back.getBody(String.class)).isEqualTo("retry-me");
            assertThat(back.propertyExists(DeadLetterProperties.DLQ_REASON)).isFalse();
            assertThat(c.receive(300)).as("in its queue once").isNull();
        }
    }

    @Test
    @DisplayName("3.4.9 JMSExpiration / expiryQueue: an expired message forwarded to the expiry queue is there exactly once after a restart")
    void expiryForwardOnceAfterRestart() throws Exception {
        FerryConnectionFactory factory = new FerryConnectionFactory(url("expiryQueue=EXPIRED.{name}&expirySweepInterval=10"));
        try (JMSContext ctx = factory.createContext(JMSContext.AUTO_ACKNOWLEDGE)) {
            ctx.createProducer().setTimeToLive(50).send(ctx.createQueue("orders"), "stale");
            awaitAvailable(ctx, "EXPIRED.orders");
        }
        restart();
        assertExpiredOnce(factory);
    }

    @Test
    @DisplayName("3.4.9 JMSExpiration / expiryQueue: a stored message that expired while the broker was down goes to the expiry queue at start")
    void expiredWhileDownGoesToExpiryQueue() throws Exception {
        FerryConnectionFactory factory = new FerryConnectionFactory(url("expiryQueue=EXPIRED.{name}"));
        long expiration;
        try (JMSContext ctx = factory.createContext(JMSContext.AUTO_ACKNOWLEDGE)) {
            Message m = ctx.createTextMessage("stale");
            ctx.createProducer().setTimeToLive(200).send(ctx.createQueue("orders"), m);
            expiration = m.getJMSExpiration();
        }
        restart();
        assertThat(expiration).isPositive();
        while (System.currentTimeMillis() <= expiration) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
        assertExpiredOnce(factory);
        restart();
        assertExpiredOnce(factory);
    }

    /**
     * Waits until queue {@code name} has a message to browse (a move happens in the background
     * after the rollback or expiry that caused it). A browser, not a consumer: a consumer would
     * count deliveries and could move the message on.
     */
    private static void awaitAvailable(JMSContext ctx, String name) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT);
        while (!ctx.createBrowser(ctx.createQueue(name)).getEnumeration().hasMoreElements()) {
            assertThat(System.nanoTime()).as("a message reached " + name + " in time").isLessThan(deadline);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
    }

    private static void assertExpiredOnce(FerryConnectionFactory factory) throws Exception {
        try (JMSContext ctx = factory.createContext(JMSContext.CLIENT_ACKNOWLEDGE)) {
            JMSConsumer expired = ctx.createConsumer(ctx.createQueue("EXPIRED.orders"));
            Message m = expired.receive(WAIT);
            assertThat(m).isNotNull();
            assertThat(m.getBody(String.class)).isEqualTo("stale");
            assertThat(m.getStringProperty(DeadLetterProperties.DLQ_REASON)).isEqualTo("expired");
            assertThat(expired.receive(300)).as("in the expiry queue once").isNull();
            assertThat(ctx.createConsumer(ctx.createQueue("orders")).receive(100)).isNull();
        }
    }

    private static Path newestJournalFile(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(p -> p.getFileName().toString().matches("journal-\\d+\\.dat")).max(Path::compareTo)
                    .orElseThrow();
        }
    }

    /** Copies the journal files of {@code from} into {@code to}, the newest one cut after {@code length} bytes. */
    private static void copyJournal(Path from, Path to, long length) throws IOException {
        Path newest = newestJournalFile(from);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.filter(p -> p.getFileName().toString().matches("journal-\\d+\\.dat")).toList()) {
                Path target = Files.copy(f, to.resolve(f.getFileName()));
                if (f.equals(newest)) {
                    try (FileChannel ch = FileChannel.open(target, StandardOpenOption.WRITE)) {
                        ch.truncate(length);
                    }
                }
            }
        }
    }

    /** How many message records a journal opened on {@code directory} recovers. */
    private static int storedMessages(Path directory) {
        AtomicInteger messages = new AtomicInteger();
        try (Journal j = Journals.open(JournalConfig.file(directory).withPreallocate(false), r -> {
            if (r.type() == MESSAGE_RECORD) {
                messages.incrementAndGet();
            }
        })) {
            return messages.get();
        }
    }
}
