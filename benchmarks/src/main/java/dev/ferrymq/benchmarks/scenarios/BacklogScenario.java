package dev.ferrymq.benchmarks.scenarios;

import dev.ferrymq.benchmarks.harness.Metric;
import dev.ferrymq.benchmarks.harness.OneShotScenario;
import dev.ferrymq.benchmarks.harness.Mode;
import dev.ferrymq.benchmarks.harness.RunContext;
import dev.ferrymq.benchmarks.harness.Sample;
import dev.ferrymq.benchmarks.harness.ScenarioRun;
import dev.ferrymq.benchmarks.harness.Unit;
import dev.ferrymq.benchmarks.providers.BrokerSettings;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * One point of the backlog and restart cost curves: {@code backlog} PERSISTENT 1 KiB messages to
 * one queue with no consumer, in transactions of {@value #TX_SIZE} (one sync per commit: a
 * non-transacted persistent send waits for its own sync, which would make millions of messages
 * take hours here), on the providers' default persistence and memory limits; then a broker restart
 * on the same data; then a drain by one consumer, also in transactions of {@value #TX_SIZE}.
 *
 * <p>Rows: messages committed (fewer than asked when a memory limit refused the producer; what
 * it saw goes to the progress stream); send msg/s and the rate over the fill's last tenth; how
 * long the failed transaction was held before its exception; heap after the fill (after
 * {@code System.gc()}, minus the heap before setup); the stop; the time from starting the
 * broker again to the first message received, and the recovery rate (pending messages over that
 * time); heap after the restart; drain msg/s and over its last tenth; heap after the drain. A
 * drain that receives nothing for {@value #RECEIVE_TIMEOUT_S} s fails the iteration (messages
 * lost in the restart show that way), and so does a message beyond those committed (one of a
 * refused transaction, or a duplicate), looked for during {@value #EXTRA_WAIT_MS} ms after the
 * drain. Immutable and thread-safe.
 */
final class BacklogScenario implements OneShotScenario {

    static final int TX_SIZE = 1_000;
    static final int RECEIVE_TIMEOUT_S = 60;
    /** How long the drain waits, untimed, for a message beyond those committed (there must be none). */
    static final long EXTRA_WAIT_MS = 1_000;

    private final String id;
    private final long backlog;
    private final Metric committed = Metric.of("messages committed", Unit.COUNT);
    private final Metric sendRate = Metric.of("send msg/s", Unit.PER_SECOND);
    private final Metric sendTail = Metric.of("send msg/s, last tenth", Unit.PER_SECOND);
    private final Metric held = Metric.of("failed tx held for", Unit.SECONDS);
    private final Metric heapFilled = Metric.of("heap after fill (after GC)", Unit.MEBIBYTES);
    private final Metric stop = Metric.of("broker stop", Unit.SECONDS);
    private final Metric restart = Metric.of("start to first message", Unit.SECONDS);
    private final Metric recovery = Metric.of("recovery msg/s", Unit.PER_SECOND);
    private final Metric heapRestarted = Metric.of("heap after restart (after GC)", Unit.MEBIBYTES);
    private final Metric drainRate = Metric.of("drain msg/s", Unit.PER_SECOND);
    private final Metric drainTail = Metric.of("drain msg/s, last tenth", Unit.PER_SECOND);
    private final Metric heapDrained = Metric.of("heap after drain (after GC)", Unit.MEBIBYTES);

    BacklogScenario(String id, long backlog) {
        this.id = id;
        this.backlog = backlog;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String description() {
        return String.format("cost curve: %,d PERSISTENT messages pending (tx of %,d, no consumer), broker "
                + "restart, drain (tx of %,d); default limits and paging", backlog, TX_SIZE, TX_SIZE);
    }

    @Override
    public BrokerSettings broker() {
        return BrokerSettings.PERSISTENT;
    }

    @Override
    public List<Metric> metrics() {
        return List.of(committed, sendRate, sendTail, held, heapFilled, stop, restart, recovery, heapRestarted,
                drainRate, drainTail, heapDrained);
    }

    /** Two minutes plus a millisecond per message (1M: about 19 minutes; the run takes far less). */
    @Override
    public Duration iterationTimeout(Mode mode) {
        return Duration.ofSeconds(120).plusMillis(backlog);
    }

    @Override
    public ScenarioRun setup(ConnectionFactory factory, RunContext context) throws Exception {
        long before = PendingMemoryScenario.settledHeapUsed();
        Resources resources = new Resources();
        try {
            Session session = resources.connect(factory).createSession(true, Session.SESSION_TRANSACTED);
            Queue queue = session.createQueue(context.destinationPrefix());
            MessageProducer producer = session.createProducer(queue);
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            return new Run(resources, session, producer, context, before);
        } catch (Exception e) {
            throw resources.closeAfter(e);
        }
    }

    private final class Run implements ScenarioRun {
        private final Resources resources;
        private final Session session;
        private final MessageProducer producer;
        private final RunContext context;
        private final long heapBefore;
        private final Resources afterRestart = new Resources();

        Run(Resources resources, Session session, MessageProducer producer, RunContext context, long heapBefore) {
            this.resources = resources;
            this.session = session;
            this.producer = producer;
            this.context = context;
            this.heapBefore = heapBefore;
        }

        @Override
        public Sample run() throws Exception {
            Sample sample = new Sample();
            BacklogFill.Outcome fill = BacklogFill.run(session, producer, backlog, TX_SIZE);
            System.err.printf("[%s] fill: %s%n", id, fill.describe());
            long pending = fill.committed();
            if (pending == 0) {
                throw new IllegalStateException("no message committed: " + fill.describe(), fill.failure());
            }
            sample.put(committed, pending).put(sendRate, fill.log().rate()).put(sendTail, fill.log().lastTenthRate())
                    .put(held, fill.failure() == null ? Double.NaN : fill.failedNanos() / 1e9)
                    .put(heapFilled, heapSince());
            resources.close();

            long stopStart = System.nanoTime();
            context.broker().stopKeepingData();
            long start = System.nanoTime();
            sample.put(stop, (start - stopStart) / 1e9);
            ConnectionFactory factory = context.broker().startAgain();
            Connection connection = afterRestart.connect(factory);
            Session consumerSession = connection.createSession(true, Session.SESSION_TRANSACTED);
            MessageConsumer consumer = consumerSession.createConsumer(consumerSession.createQueue(
                    context.destinationPrefix()));
            connection.start();
            byte[] buffer = Payload.buffer();
            Payload.read(receive(consumer, 0, pending), buffer);
            double restartSeconds = (System.nanoTime() - start) / 1e9;
            sample.put(restart, restartSeconds).put(recovery, pending / restartSeconds).put(heapRestarted, heapSince());

            RateLog drain = new RateLog(System.nanoTime()); // counts the messages after the first
            for (long n = 1; n < pending; n++) {
                Payload.read(receive(consumer, n, pending), buffer);
                if ((n + 1) % TX_SIZE == 0) {
                    consumerSession.commit();
                    drain.mark(n, System.nanoTime());
                }
            }
            consumerSession.commit();
            drain.mark(pending - 1, System.nanoTime());
            Message extra = consumer.receive(EXTRA_WAIT_MS);
            if (extra != null) {
                throw new IllegalStateException(String.format("after the restart the queue held more than the %,d "
                        + "committed messages (a refused transaction's messages, or a duplicate): %s", pending,
                        extra.getJMSMessageID()));
            }
            afterRestart.close();
            return sample.put(drainRate, drain.rate()).put(drainTail, drain.lastTenthRate()).put(heapDrained, heapSince());
        }

        private Message receive(MessageConsumer consumer, long received, long pending)
                throws JMSException, TimeoutException {
            Message m = consumer.receive(RECEIVE_TIMEOUT_S * 1000L);
            if (m == null) {
                throw new TimeoutException(String.format("after the restart, received %,d of %,d pending messages, "
                        + "then nothing for %d s", received, pending, RECEIVE_TIMEOUT_S));
            }
            return m;
        }

        private double heapSince() throws InterruptedException {
            return PendingMemoryScenario.settledHeapUsed() - heapBefore;
        }

        @Override
        public void close() throws JMSException {
            try {
                resources.close();
            } finally {
                afterRestart.close();
            }
        }
    }
}
