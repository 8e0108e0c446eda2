package dev.ferrymq.samples;

import dev.ferrymq.samples.cdi.CdiSample;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The README's demo: runs the samples one after the other, or those named as arguments
 * ({@code mvn -B -q -Pdemo -pl samples -am package -DskipTests -Ddemo=essay}), each with its
 * defaults, printing what each shows.
 *
 * <p>Threading: runs the samples one at a time on the calling thread.
 */
public final class Demo {

    /** One sample's part of the demo: writes what it shows to {@code out}. */
    @FunctionalInterface
    interface Sample {
        void run(PrintStream out) throws Exception;
    }

    /** A menu entry: what the sample shows, and how to run it. */
    record Entry(String description, Sample sample) {
    }

    /** The menu, in the order {@code all} runs it. */
    static final Map<String, Entry> MENU = menu();

    static final String ALL = "all";

    private Demo() {
    }

    private static Map<String, Entry> menu() {
        Map<String, Entry> m = new LinkedHashMap<>();
        m.put("hello", new Entry("the README's hello world: JNDI, send and receive on vm://default",
                out -> out.println(HelloWorld.run("Hello, FerryMQ"))));
        m.put("essay", new Entry("a sender thread, an asynchronous CLIENT_ACKNOWLEDGE receiver, a retransmission after ackTimeout, the figures n t u v p",
                out -> EssaySample.run(EssaySample.Settings.parse(), out)));
        m.put("dead-letter", new Entry("a failing consumer: redelivery with backoff, the dead-letter queue, moveToOrigin",
                out -> DeadLetterSample.run(DeadLetterSample.Settings.parse(), out)));
        m.put("durable", new Entry("publish/subscribe: a durable subscription misses nothing while offline",
                out -> DurableSubscriptionSample.run(3, out)));
        m.put("request-reply", new Entry("request/reply over a temporary queue",
                out -> RequestReplySample.run(List.of("apples", "pears", "plums"), out)));
        m.put("transacted", new Entry("a transacted consume-transform-produce step, rolled back once",
                out -> TransactedPipelineSample.run(3, 2, out)));
        m.put("persistence", new Entry("persistent messages survive a hard kill of the JVM that sent them",
                out -> PersistenceSample.run(10, null, out)));
        m.put("cdi", new Entry("a CDI application on Weld SE: an injected JMSContext sends, a @JmsListener method receives",
                out -> CdiSample.run(List.of("2 x espresso", "1 x croissant", "3 x cappuccino"), out)));
        return Collections.unmodifiableMap(m);
    }

    public static void main(String[] args) throws Exception {
        run(args, System.out);
    }

    /**
     * Runs the samples named in {@code args} (comma- or space-separated; none, or {@code all}: every
     * sample), printing to {@code out}.
     *
     * @throws IllegalArgumentException naming an unknown sample and the known ones
     */
    public static void run(String[] args, PrintStream out) throws Exception {
        List<String> names = select(args);
        out.println("FerryMQ demo: " + names.size() + " sample" + (names.size() == 1 ? "" : "s")
                + " on the embedded broker (run one with -Ddemo=<name>):");
        for (Map.Entry<String, Entry> e : MENU.entrySet()) {
            out.printf("  %-14s %s%n", e.getKey(), e.getValue().description());
        }
        for (String name : names) {
            out.println();
            out.println("=== " + name + ": " + MENU.get(name).description() + " ===");
            long start = System.nanoTime();
            MENU.get(name).sample().run(out);
            out.printf("=== %s done in %d ms ===%n", name, (System.nanoTime() - start) / 1_000_000);
        }
    }

    static List<String> select(String[] args) {
        List<String> names = new ArrayList<>();
        for (String arg : args) {
            for (String name : arg.split(",")) {
                String n = name.trim();
                if (n.isEmpty()) {
                    continue;
                }
                if (n.equals(ALL)) {
                    names.addAll(MENU.keySet());
                } else if (MENU.containsKey(n)) {
                    names.add(n);
                } else {
                    throw new IllegalArgumentException("no sample named '" + n + "'; the samples are "
                            + MENU.keySet() + " or '" + ALL + "'");
                }
            }
        }
        return names.isEmpty() ? List.copyOf(MENU.keySet()) : names;
    }
}
