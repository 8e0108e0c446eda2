package dev.ferrymq.engine.admin;

import dev.ferrymq.engine.Broker;
import dev.ferrymq.engine.BrokerOptions;
import dev.ferrymq.engine.Brokers;
import dev.ferrymq.engine.exec.Await;
import dev.ferrymq.engine.management.MessageSummary;
import dev.ferrymq.engine.queue.MessageQueue;
import dev.ferrymq.engine.queue.QueueFigures;
import dev.ferrymq.spi.Completion;
import dev.ferrymq.spi.DestinationRef;
import dev.ferrymq.spi.MessageData;
import dev.ferrymq.spi.config.EngineOptions;
import dev.ferrymq.store.StoreException;
import dev.ferrymq.store.StoreKind;
import dev.ferrymq.store.StoreLockedException;
import dev.ferrymq.store.StoreOptions;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The command-line tool for a stopped broker's data directory, run by users as
 * {@link dev.ferrymq.admin.DataTool} (this class's {@code main} works the same):
 *
 * <pre>
 * java -cp ferrymq-provider.jar dev.ferrymq.admin.DataTool &lt;dataDirectory&gt; list
 * java -cp ferrymq-provider.jar dev.ferrymq.admin.DataTool &lt;dataDirectory&gt; browse &lt;queue&gt; [max]
 * java -cp ferrymq-provider.jar dev.ferrymq.admin.DataTool &lt;dataDirectory&gt; move &lt;deadLetterQueue&gt;
 * </pre>
 *
 * {@code list} prints each queue and durable subscription holding messages with its depth;
 * {@code browse} one line per available message (ID, headers, property names, body summary);
 * {@code move} moves the messages of a dead-letter (or expiry) queue back to where they were sent,
 * each in one atomic write. The tool opens the directory the way the engine does: it starts a
 * private broker on it ({@code store=file}, no JMX, no meters, no expiry sweeper), which recovers
 * the journal as a restart would, does its work and stops it. It refuses a directory a running
 * broker holds (the journal's lock), and one that does not exist. Exit codes: 0 done, 1 usage,
 * 2 the directory cannot be opened, 3 the command failed.
 *
 * <p>Threading contract: one command at a time, on the calling thread.
 */
public final class DataTool {

    static final int OK = 0;
    static final int USAGE = 1;
    static final int CANNOT_OPEN = 2;
    static final int FAILED = 3;

    private static final String USAGE_TEXT = """
            usage: DataTool <dataDirectory> list
                   DataTool <dataDirectory> browse <queue> [max]
                   DataTool <dataDirectory> move <deadLetterQueue>""";

    private DataTool() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs one command; returns the exit code. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length < 2 || !validArity(args)) {
            err.println(USAGE_TEXT);
            return USAGE;
        }
        Path dir = Path.of(args[0]);
        if (!Files.isDirectory(dir)) {
            err.println("no FerryMQ data directory at " + dir.toAbsolutePath());
            return CANNOT_OPEN;
        }
        String name = "datatool-" + UUID.randomUUID();
        Broker broker;
        try {
            broker = Brokers.getOrStart(name, EngineOptions.defaults().with(StoreOptions.STORE, StoreKind.FILE)
                    .with(StoreOptions.DATA_DIRECTORY, dir.toString()).with(BrokerOptions.JMX, false)
                    .with(BrokerOptions.METRICS, false).with(BrokerOptions.EXPIRY_SWEEP_INTERVAL, 0L));
        } catch (RuntimeException e) {
            err.println(locked(e) ? "refused: " + dir.toAbsolutePath() + " is in use by a running broker ("
                    + e.getMessage() + "); stop it first or use its MBeans" : "cannot open " + dir.toAbsolutePath()
                    + ": " + e.getMessage());
            return CANNOT_OPEN;
        }
        try {
            return switch (args[1]) {
                case "list" -> list(broker, out);
                case "browse" -> browse(broker, args[2], args.length > 3 ? Integer.parseInt(args[3]) : Integer.MAX_VALUE, out, err);
                default -> move(broker, args[2], out);
            };
        } catch (RuntimeException e) {
            err.println(args[1] + " failed: " + e.getMessage());
            return FAILED;
        } finally {
            Brokers.stop(name);
        }
    }

    private static boolean validArity(String[] args) {
        return switch (args[1]) {
            case "list" -> args.length == 2;
            case "browse" -> (args.length == 3 || args.length == 4) && (args.length == 3 || args[3].matches("\\d+"));
            case "move" -> args.length == 3;
            default -> false;
        };
    }

    private static boolean locked(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StoreLockedException
                    || (t instanceof StoreException s && s.kind() == StoreException.Kind.LOCKED)) {
                return true;
            }
        }
        return false;
    }

    private static int list(Broker broker, PrintStream out) {
        List<QueueFigures> all = new ArrayList<>();
        broker.forEachQueue(q -> all.add(await(q::figures)));
        all.sort(Comparator.comparing(QueueFigures::name));
        out.println("depth\tavailable\tdelayed\tdestination");
        for (QueueFigures f : all) {
            if (f.depth() > 0 || f.isSubscription()) {
                out.println(f.depth() + "\t" + f.stats().available() + "\t" + f.stats().delayed() + "\t" + f.name());
            }
        }
        return OK;
    }

    private static int browse(Broker broker, String queue, int max, PrintStream out, PrintStream err) {
        MessageQueue q = find(broker, queue);
        if (q == null) {
            err.println("no queue or durable subscription named '" + queue + "' holds messages");
            return FAILED;
        }
        List<MessageData> messages = await(done -> q.scans().browse(null, done));
        messages.stream().limit(max).forEach(m -> out.println(MessageSummary.of(m)));
        out.println(Math.min(max, messages.size()) + " of " + messages.size() + " available message(s)");
        return OK;
    }

    private static int move(Broker broker, String deadLetterQueue, PrintStream out) {
        int moved = await(done -> broker.moveToOrigin(DestinationRef.queue(deadLetterQueue), null, done));
        out.println(moved + " message(s) moved from " + deadLetterQueue + " back to their origin");
        return OK;
    }

    private static MessageQueue find(Broker broker, String name) {
        MessageQueue[] found = new MessageQueue[1];
        broker.forEachQueue(q -> {
            if (q.name().equals(name)) {
                found[0] = q;
            }
        });
        return found[0];
    }

    private static <T> T await(Consumer<Completion<T>> call) {
        return Await.result("the broker's answer", 60, call);
    }
}
