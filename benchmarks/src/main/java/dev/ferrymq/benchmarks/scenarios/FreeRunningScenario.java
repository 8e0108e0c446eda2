package dev.ferrymq.benchmarks.scenarios;

import dev.ferrymq.benchmarks.harness.Metric;
import dev.ferrymq.benchmarks.harness.RunContext;
import dev.ferrymq.benchmarks.harness.Sample;
import dev.ferrymq.benchmarks.harness.Scenario;
import dev.ferrymq.benchmarks.harness.ScenarioRun;
import dev.ferrymq.benchmarks.harness.Target;
import dev.ferrymq.benchmarks.harness.Unit;
import dev.ferrymq.benchmarks.providers.BrokerSettings;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A producer that is not held back: one producer sends fresh 1 KiB messages to a queue as fast
 * as {@code send} returns, up to {@value #MESSAGES} messages or the iteration's duration, with
 * no window (unlike {@link QueueThroughputScenario}); one AUTO_ACKNOWLEDGE MessageListener reads
 * every body. Measures the end-to-end rate (messages over the time from the first send to the
 * last delivery), the p99 one-way latency (send to body read, a long property set just before
 * each send, as in S1-paced) and the heap's growth ({@link HeapWatch}). The persistent variant
 * also measures the disk's single-writer write+fsync rate without JMS ({@link FsyncProbe}, in
 * setup, untimed) and reports the rate as a fraction of it; the limited variant runs against a
 * destination limit ({@link BrokerSettings#IN_MEMORY_LIMITED}: 64 MiB, senders blocked while it is
 * full), the case where a producer that outruns its consumer meets the limit. Immutable and
 * thread-safe; each setup
 * is independent.
 */
final class FreeRunningScenario implements Scenario {

    /** The most messages one iteration sends (the million), if the duration allows. */
    static final long MESSAGES = 1_000_000;

    private static final Duration MIN_PROBE = Duration.ofMillis(300);

    private final String id;
    private final String description;
    private final BrokerSettings settings;
    private final boolean persistent;
    private final Metric rate;
    private final Metric p99 = Metric.of("p99 one-way latency", Unit.MICROS);
    private final Metric heap = Metric.of("heap growth (peak after GC)", Unit.MEBIBYTES);
    private final Metric fsyncRate = Metric.of("disk write+fsync/s, no JMS", Unit.PER_SECOND);
    private final Metric ofFsync = new Metric("msg/s / fsync/s", Unit.FRACTION,
            Target.atLeast(0.8, ">= 0.8x the disk's fsync rate"));

    /**
     * @param settings   {@link BrokerSettings#IN_MEMORY}, {@link BrokerSettings#IN_MEMORY_LIMITED} or
     *                   {@link BrokerSettings#PERSISTENT} (PERSISTENT messages, and the fsync probe)
     * @param rateTarget the goal of the msg/s row, e.g. {@link Target#ofScenario} of the windowed variant
     */
    FreeRunningScenario(String id, String description, BrokerSettings settings, Target rateTarget) {
        this.id = id;
        this.description = description;
        this.settings = settings;
        this.persistent = settings == BrokerSettings.PERSISTENT;
        this.rate = new Metric("msg/s", Unit.PER_SECOND, rateTarget);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public BrokerSettings broker() {
        return settings;
    }

    @Override
    public List<Metric> metrics() {
        List<Metric> m = new ArrayList<>(List.of(rate, p99, heap));
        if (persistent) {
            m.add(fsyncRate);
            m.add(ofFsync);
        }
        return m;
    }

    @Override
    public ScenarioRun setup(ConnectionFactory factory, RunContext context) throws Exception {
        double fsyncs = Double.NaN;
        if (persistent) {
            Duration half = context.duration().dividedBy(2);
            fsyncs = FsyncProbe.rate(half.compareTo(MIN_PROBE) < 0 ? MIN_PROBE : half);
        }
        Resources resources = new Resources();
        try {
            ArrivalTracker tracker = new ArrivalTracker();
            LatencyRecorder latencies = new LatencyRecorder(1 << 16);
            Connection consumerConnection = resources.connect(factory);
            Session consumerSession = consumerConnection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Queue queue = consumerSession.createQueue(context.destinationPrefix());
            consumerSession.createConsumer(queue).setMessageListener(new Listener(tracker, latencies));
            consumerConnection.start();
            Session session = resources.connect(factory).createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = session.createProducer(queue);
            producer.setDeliveryMode(persistent ? DeliveryMode.PERSISTENT : DeliveryMode.NON_PERSISTENT);
            return new Run(resources, tracker, latencies, session, producer, context, fsyncs);
        } catch (Exception e) {
            throw resources.closeAfter(e);
        }
    }

    private final class Run implements ScenarioRun {
        private final Resources resources;
        private final ArrivalTracker tracker;
        private final LatencyRecorder latencies;
        private final Session session;
        private final MessageProducer producer;
        private final RunContext context;
        private final double fsyncs;

        Run(Resources resources, ArrivalTracker tracker, LatencyRecorder latencies, Session session,
            MessageProducer producer, RunContext context, double fsyncs) {
            this.resources = resources;
            this.tracker = tracker;
            this.latencies = latencies;
            this.session = session;
            this.producer = producer;
            this.context = context;
            this.fsyncs = fsyncs;
        }

        @Override
        public Sample run() throws Exception {
            try (HeapWatch watch = HeapWatch.start()) {
                long max = Math.min(MESSAGES, context.mode().maxMessages());
                long start = System.nanoTime();
                long deadline = context.deadlineFromNow();
                long sent = 0;
                while (sent < max) {
                    for (int i = 0; i < SendLoop.BATCH; i++) {
                        BytesMessage m = Payload.create(session);
                        m.setLongProperty(PacedLatencyScenario.SENT_AT, System.nanoTime());
                        producer.send(m);
                    }
                    sent += SendLoop.BATCH;
                    if (System.nanoTime() - deadline >= 0) {
                        break;
                    }
                    tracker.checkFailure();
                }
                tracker.expect(sent);
                tracker.await(context.mode().drainTimeout());
                double perSecond = sent / ((System.nanoTime() - start) / 1e9);
                Sample s = new Sample().put(rate, perSecond).put(p99, latencies.percentileMicros(99))
                        .put(heap, watch.growth());
                if (persistent) {
                    s.put(fsyncRate, fsyncs).put(ofFsync, perSecond / fsyncs);
                }
                return s;
            }
        }

        @Override
        public void close() throws JMSException {
            resources.close();
        }
    }

    /** Reads the body, then records the one-way latency. Called by one session's delivery thread. */
    private static final class Listener implements MessageListener {
        private final ArrivalTracker tracker;
        private final LatencyRecorder latencies;
        private final byte[] buffer = Payload.buffer();

        Listener(ArrivalTracker tracker, LatencyRecorder latencies) {
            this.tracker = tracker;
            this.latencies = latencies;
        }

        @Override
        public void onMessage(Message message) {
            try {
                Payload.read(message, buffer);
                latencies.record(System.nanoTime() - message.getLongProperty(PacedLatencyScenario.SENT_AT));
                tracker.arrived(1);
            } catch (Throwable t) {
                tracker.fail(t);
            }
        }
    }
}
