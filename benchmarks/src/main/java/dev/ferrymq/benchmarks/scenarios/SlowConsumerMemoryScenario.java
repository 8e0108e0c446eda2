package dev.ferrymq.benchmarks.scenarios;

import dev.ferrymq.benchmarks.harness.Metric;
import dev.ferrymq.benchmarks.harness.OneShotScenario;
import dev.ferrymq.benchmarks.harness.Mode;
import dev.ferrymq.benchmarks.harness.RunContext;
import dev.ferrymq.benchmarks.harness.Sample;
import dev.ferrymq.benchmarks.harness.ScenarioRun;
import dev.ferrymq.benchmarks.harness.Target;
import dev.ferrymq.benchmarks.harness.Unit;
import dev.ferrymq.benchmarks.providers.BrokerSettings;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Memory under a slow consumer: is the heap flat while a fast producer outruns a slow listener?
 * One producer sends fresh non-persistent 1 KiB messages with synchronous {@code send} as fast
 * as it can, for {@link #duration(Mode)}, to a queue whose one {@link PacedListener} takes
 * {@value #CONSUMER_RATE} msg/s. The broker limits each destination to
 * {@link BrokerSettings#DESTINATION_LIMIT_BYTES} and blocks sends while full
 * ({@link BrokerSettings#IN_MEMORY_LIMITED}). Every {@value #SAMPLE_MS} ms the harness thread calls
 * {@code System.gc()} and reads heap used (MemoryMXBean): approximate, it counts everything the
 * JVM retained. Reports the growth from the first quarter of the samples to the last (medians),
 * the peak above the heap before the run, and the producer's and consumer's rates over the
 * second half. One iteration, no warm-up. Immutable and thread-safe.
 */
final class SlowConsumerMemoryScenario implements OneShotScenario {

    /** The listener's pace, messages per second. */
    static final int CONSUMER_RATE = 2_000;
    private static final int SAMPLE_MS = 500;
    private static final double FLAT = 0.10 * BrokerSettings.DESTINATION_LIMIT_BYTES;

    private final Metric growth = new Metric("heap growth, first to last quarter", Unit.MEBIBYTES,
            Target.below(FLAT, "flat: < 6.4 MiB (10% of the 64 MiB limit)"));
    private final Metric peak = Metric.of("  peak heap above start", Unit.MEBIBYTES);
    private final Metric producerRate = Metric.of("  producer msg/s, 2nd half", Unit.PER_SECOND);
    private final Metric consumerRate = Metric.of("  consumer msg/s, 2nd half", Unit.PER_SECOND);
    private final Metric sentRate = Metric.of("  producer msg/s, whole run", Unit.PER_SECOND);

    @Override
    public String id() {
        return "MEM-slow";
    }

    @Override
    public String description() {
        return "fast producer, listener paced at " + CONSUMER_RATE + " msg/s, 64 MiB per-destination limit "
                + "blocking sends: heap (approximate: MemoryMXBean after System.gc()) every " + SAMPLE_MS + " ms";
    }

    @Override
    public BrokerSettings broker() {
        return BrokerSettings.IN_MEMORY_LIMITED;
    }

    @Override
    public List<Metric> metrics() {
        return List.of(growth, peak, producerRate, consumerRate, sentRate);
    }

    /** How long the producer sends: 20 s short, 60 s full. */
    static Duration duration(Mode mode) {
        return mode == Mode.SHORT ? Duration.ofSeconds(20) : Duration.ofSeconds(60);
    }

    @Override
    public ScenarioRun setup(ConnectionFactory factory, RunContext context) throws Exception {
        Resources resources = new Resources();
        try {
            Connection consuming = resources.connect(factory);
            Session consumerSession = consuming.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Queue queue = consumerSession.createQueue(context.destinationPrefix());
            PacedListener listener = new PacedListener(CONSUMER_RATE);
            consumerSession.createConsumer(queue).setMessageListener(listener);
            Session session = resources.connect(factory).createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = session.createProducer(queue);
            producer.setDeliveryMode(DeliveryMode.NON_PERSISTENT);
            Duration duration = duration(context.mode());
            return new ScenarioRun() {
                @Override
                public Sample run() throws Exception {
                    long start = PendingMemoryScenario.settledHeapUsed();
                    AtomicLong sent = new AtomicLong();
                    consuming.start();
                    long begin = System.nanoTime();
                    long deadline = begin + duration.toNanos();
                    Future<?> producing = resources.threads(1, "mem-slow-producer").submit(() -> {
                        long n = 0;
                        while (System.nanoTime() - deadline < 0 && !Thread.currentThread().isInterrupted()) {
                            producer.send(Payload.create(session));
                            sent.setRelease(++n);
                        }
                        return null;
                    });
                    HeapTrace trace = sample(deadline, sent, listener, producing);
                    producing.get(60, TimeUnit.SECONDS);
                    if (listener.failure() != null) {
                        throw new IllegalStateException("listener failed", listener.failure());
                    }
                    System.err.printf("[MEM-slow] heap after System.gc() every %d ms: %s%n", SAMPLE_MS, trace);
                    double seconds = (System.nanoTime() - begin) / 1e9;
                    return new Sample().put(growth, trace.growth())
                            .put(peak, trace.peak() - start)
                            .put(producerRate, trace.sentRateSecondHalf())
                            .put(consumerRate, trace.consumedRateSecondHalf())
                            .put(sentRate, sent.get() / seconds);
                }

                @Override
                public void close() throws JMSException {
                    resources.close();
                }
            };
        } catch (Exception e) {
            throw resources.closeAfter(e);
        }
    }

    /** Samples until {@code deadline}, or until the producer ends early (its failure is thrown by the caller). */
    private static HeapTrace sample(long deadline, AtomicLong sent, PacedListener listener, Future<?> producing)
            throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        HeapTrace trace = new HeapTrace();
        long next = System.nanoTime();
        while (next - deadline < 0 && !producing.isDone()) {
            next += TimeUnit.MILLISECONDS.toNanos(SAMPLE_MS);
            long wait = next - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            System.gc();
            trace.add(new HeapTrace.Point(System.nanoTime(), memory.getHeapMemoryUsage().getUsed(),
                    sent.getAcquire(), listener.consumed()));
        }
        return trace;
    }
}
