package dev.ferrymq.benchmarks.scenarios;

import dev.ferrymq.benchmarks.harness.Metric;
import dev.ferrymq.benchmarks.harness.Mode;
import dev.ferrymq.benchmarks.harness.RunContext;
import dev.ferrymq.benchmarks.harness.Sample;
import dev.ferrymq.benchmarks.harness.Scenario;
import dev.ferrymq.benchmarks.harness.ScenarioRun;
import dev.ferrymq.benchmarks.harness.Unit;
import dev.ferrymq.benchmarks.providers.BrokerSettings;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * One point of the queue-count or consumer-count cost curve: {@code queues} queues, each with
 * {@code consumersPerQueue} MessageListener consumers and one producer; a fixed number of
 * non-persistent 1 KiB messages ({@link #messages(Mode)}) spread evenly over the queues.
 *
 * <p>Design, so that 10,000 queues do not need 10,000 threads: every consumer has a session of
 * its own (sessions spread over connections of at most {@value #SESSIONS_PER_CONNECTION}), and the
 * providers run listeners on their own bounded pools (FerryMQ's {@code listenerThreads}, Artemis's
 * client thread pool). Producers: {@code min(queues, }{@value #PRODUCER_THREADS}{@code )} threads,
 * each with a connection and session of its own and one {@link MessageProducer} per queue it owns
 * (queue {@code q} belongs to thread {@code q % threads}); a thread sends to its queues round
 * robin, one message per queue per sweep. All consumers count on one {@link ArrivalTracker}, and
 * producers stay at most {@link Window#DEFAULT_LIMIT} messages ahead of all consumers together.
 *
 * <p>Rows: msg/s from the first send to the last delivery; the heap's growth during that run
 * (peak after the collections that ran, {@link HeapWatch}); and the heap held with everything
 * still open after the run (after {@code System.gc()}) minus the heap before setup: the cost of
 * the queues, sessions and consumers themselves. Immutable and thread-safe.
 */
final class FanCurveScenario implements Scenario {

    static final int PRODUCER_THREADS = 4;
    static final int SESSIONS_PER_CONNECTION = 1_000;
    private static final long SETUP_MILLIS_PER_SESSION = 20;

    private final String id;
    private final int queues;
    private final int consumersPerQueue;
    private final Metric rate = Metric.of("msg/s", Unit.PER_SECOND);
    private final Metric growth = Metric.of("heap growth in run (peak after GC)", Unit.MEBIBYTES);
    private final Metric held = Metric.of("heap held, all open (after GC)", Unit.MEBIBYTES);

    FanCurveScenario(String id, int queues, int consumersPerQueue) {
        this.id = id;
        this.queues = queues;
        this.consumersPerQueue = consumersPerQueue;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String description() {
        return String.format("cost curve: %,d queue(s) x %,d listener(s) each (a session each), %d producer "
                        + "thread(s) sending round robin through one producer per queue, non-persistent, "
                        + "100k (full: 1M) messages in all", queues, consumersPerQueue, producerThreads());
    }

    @Override
    public BrokerSettings broker() {
        return BrokerSettings.IN_MEMORY;
    }

    @Override
    public List<Metric> metrics() {
        return List.of(rate, growth, held);
    }

    @Override
    public int warmups(Mode mode) {
        return 0;
    }

    /** Three in either mode: one point is short, and a single one on a shared machine says little. */
    @Override
    public int iterations(Mode mode) {
        return 3;
    }

    /** The mode's limit plus time to open and close every consumer's session. */
    @Override
    public Duration iterationTimeout(Mode mode) {
        return mode.iterationTimeout().plusMillis(SETUP_MILLIS_PER_SESSION * queues * consumersPerQueue);
    }

    /** Messages per iteration: 100k in short mode, 1M in full; a multiple of the queue count. */
    long messages(Mode mode) {
        long total = mode == Mode.FULL ? 1_000_000 : 100_000;
        return Math.max(1, total / queues) * queues;
    }

    int producerThreads() {
        return Math.min(queues, PRODUCER_THREADS);
    }

    @Override
    public ScenarioRun setup(ConnectionFactory factory, RunContext context) throws Exception {
        long before = PendingMemoryScenario.settledHeapUsed();
        Resources resources = new Resources();
        try {
            ArrivalTracker tracker = new ArrivalTracker();
            List<Queue> destinations = new ArrayList<>();
            Connection consumers = null;
            for (int i = 0; i < queues * consumersPerQueue; i++) {
                if (i % SESSIONS_PER_CONNECTION == 0) {
                    consumers = resources.connect(factory);
                }
                Session s = consumers.createSession(false, Session.AUTO_ACKNOWLEDGE);
                int q = i / consumersPerQueue;
                if (q == destinations.size()) {
                    destinations.add(s.createQueue(context.destinationPrefix() + "." + q));
                }
                s.createConsumer(destinations.get(q)).setMessageListener(new BodyReadingListener(tracker, 0));
            }
            List<Sender> senders = new ArrayList<>();
            for (int t = 0; t < producerThreads(); t++) {
                Session s = resources.connect(factory).createSession(false, Session.AUTO_ACKNOWLEDGE);
                List<MessageProducer> producers = new ArrayList<>();
                for (int q = t; q < queues; q += producerThreads()) {
                    MessageProducer p = s.createProducer(destinations.get(q));
                    p.setDeliveryMode(DeliveryMode.NON_PERSISTENT);
                    producers.add(p);
                }
                senders.add(new Sender(s, producers));
            }
            resources.startAll();
            ExecutorService threads = resources.threads(producerThreads(), "bench-curve-producer");
            Window window = new Window(Window.DEFAULT_LIMIT, List.of(tracker), context.mode().drainTimeout());
            return new Run(resources, tracker, senders, threads, window, context.mode(), before);
        } catch (Exception e) {
            throw resources.closeAfter(e);
        }
    }

    /** One producer thread's session and its producers, one per queue it owns. */
    private record Sender(Session session, List<MessageProducer> producers) {

        /** Sends {@code perQueue} messages to each of its queues, round robin; on the calling thread. */
        long send(long perQueue, Window window) throws Exception {
            long total = perQueue * producers.size();
            for (long i = 0; i < total; i++) {
                if (i % SendLoop.BATCH == 0) {
                    window.acquire((int) Math.min(SendLoop.BATCH, total - i));
                }
                producers.get((int) (i % producers.size())).send(Payload.create(session));
            }
            return total;
        }
    }

    private final class Run implements ScenarioRun {
        private final Resources resources;
        private final ArrivalTracker tracker;
        private final List<Sender> senders;
        private final ExecutorService threads;
        private final Window window;
        private final Mode mode;
        private final long heapBeforeSetup;

        Run(Resources resources, ArrivalTracker tracker, List<Sender> senders, ExecutorService threads,
            Window window, Mode mode, long heapBeforeSetup) {
            this.resources = resources;
            this.tracker = tracker;
            this.senders = senders;
            this.threads = threads;
            this.window = window;
            this.mode = mode;
            this.heapBeforeSetup = heapBeforeSetup;
        }

        @Override
        public Sample run() throws Exception {
            long perQueue = messages(mode) / queues;
            double seconds;
            long total = 0;
            double peak;
            try (HeapWatch watch = HeapWatch.start()) {
                long start = System.nanoTime();
                List<Future<Long>> sent = new ArrayList<>();
                for (Sender s : senders) {
                    sent.add(threads.submit(() -> s.send(perQueue, window)));
                }
                for (Future<Long> f : sent) {
                    total += f.get();
                }
                tracker.expect(total);
                tracker.await(mode.drainTimeout());
                seconds = (System.nanoTime() - start) / 1e9;
                peak = watch.growth();
            }
            double heldBytes = PendingMemoryScenario.settledHeapUsed() - heapBeforeSetup;
            return new Sample().put(rate, total / seconds).put(growth, peak).put(held, heldBytes);
        }

        @Override
        public void close() throws JMSException {
            resources.close();
        }
    }
}
