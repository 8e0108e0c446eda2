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

import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * S1 paced: one producer sends at a fixed rate (10,000 msg/s) to a non-persistent queue with an
 * AUTO_ACKNOWLEDGE MessageListener consumer. Each message carries the time just before its
 * {@code send} (System.nanoTime, same JVM) in a long property; the consumer records now minus
 * that after reading the body. A send that blocks counts in its own message's latency; the
 * producer's own lateness (it is descheduled on a busy machine) does not, which is why the send
 * time rather than the schedule is used. The producer spins for the last 50 us before each slot.
 * Immutable and thread-safe.
 */
final class PacedLatencyScenario implements Scenario {

    static final String SENT_AT = "benchSentAt";

    private static final long SPIN_NANOS = 50_000;

    private final int rate;
    private final Metric p50 = Metric.of("p50 one-way latency", Unit.MICROS);
    private final Metric p99 = new Metric("p99 one-way latency", Unit.MICROS, Target.below(200, "< 200 us"));
    private final Metric p999 = Metric.of("p99.9 one-way latency", Unit.MICROS);
    private final Metric max = Metric.of("max one-way latency", Unit.MICROS);

    PacedLatencyScenario(int rate) {
        this.rate = rate;
    }

    @Override
    public String id() {
        return "S1-paced";
    }

    @Override
    public String description() {
        return "queue, non-persistent, AUTO_ACKNOWLEDGE, 1 producer paced at " + rate
                + " msg/s, 1 listener: one-way latency (send -> body read)";
    }

    @Override
    public BrokerSettings broker() {
        return BrokerSettings.IN_MEMORY;
    }

    @Override
    public List<Metric> metrics() {
        return List.of(p50, p99, p999, max);
    }

    @Override
    public ScenarioRun setup(ConnectionFactory factory, RunContext context) throws Exception {
        Resources resources = new Resources();
        try {
            int count = (int) Math.max(1_000, rate * context.duration().toMillis() / 1_000);
            ArrivalTracker tracker = new ArrivalTracker();
            LatencyRecorder latencies = new LatencyRecorder(count);
            Connection consumerConnection = resources.connect(factory);
            Session consumerSession = consumerConnection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Queue queue = consumerSession.createQueue(context.destinationPrefix());
            consumerSession.createConsumer(queue).setMessageListener(new Listener(tracker, latencies));
            consumerConnection.start();
            Session session = resources.connect(factory).createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = session.createProducer(queue);
            producer.setDeliveryMode(DeliveryMode.NON_PERSISTENT);
            return new ScenarioRun() {
                @Override
                public Sample run() throws Exception {
                    send(session, producer, count);
                    tracker.expect(count);
                    tracker.await(context.mode().drainTimeout());
                    return new Sample()
                            .put(p50, latencies.percentileMicros(50))
                            .put(p99, latencies.percentileMicros(99))
                            .put(p999, latencies.percentileMicros(99.9))
                            .put(max, latencies.percentileMicros(100));
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

    private void send(Session session, MessageProducer producer, int count) throws Exception {
        long interval = 1_000_000_000L / rate;
        long start = System.nanoTime() + interval;
        for (int i = 0; i < count; i++) {
            long due = start + i * interval;
            long left;
            while ((left = due - System.nanoTime()) > 0) {
                if (left > SPIN_NANOS) {
                    LockSupport.parkNanos(left - SPIN_NANOS);
                } else {
                    Thread.onSpinWait();
                }
            }
            BytesMessage m = Payload.create(session);
            m.setLongProperty(SENT_AT, System.nanoTime());
            producer.send(m);
        }
    }

    /** Reads the body, then records the latency. Called by one session's delivery thread. */
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
                latencies.record(System.nanoTime() - message.getLongProperty(SENT_AT));
                tracker.arrived(1);
            } catch (Throwable t) {
                tracker.fail(t);
            }
        }
    }
}
