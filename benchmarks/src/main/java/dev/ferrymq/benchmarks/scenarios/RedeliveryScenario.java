package dev.ferrymq.benchmarks.scenarios;

import dev.ferrymq.benchmarks.harness.Metric;
import dev.ferrymq.benchmarks.harness.RunContext;
import dev.ferrymq.benchmarks.harness.Sample;
import dev.ferrymq.benchmarks.harness.Scenario;
import dev.ferrymq.benchmarks.harness.ScenarioRun;
import dev.ferrymq.benchmarks.harness.Target;
import dev.ferrymq.benchmarks.harness.Unit;
import dev.ferrymq.benchmarks.providers.BrokerSettings;

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

/**
 * S7 redelivery: one producer sends non-persistent messages; a MessageListener in a transacted
 * session rolls back every first delivery ({@code JMSRedelivered} false) and reads and commits the
 * redelivery. Both providers run with their default redelivery delay, which is 0. The rate counts
 * committed messages (each delivered twice). Immutable and thread-safe.
 */
final class RedeliveryScenario implements Scenario {

    /** Producers stay at most this far ahead: a rollback may return the consumer's whole buffer. */
    private static final long WINDOW = 2_000;

    private final Metric throughput = new Metric("msg/s consumed", Unit.PER_SECOND,
            Target.atLeast(50_000, ">= 50k msg/s"));

    @Override
    public String id() {
        return "S7";
    }

    @Override
    public String description() {
        return "queue, non-persistent, transacted listener rolls back each message once, then "
                + "commits its redelivery (redelivery delay 0)";
    }

    @Override
    public BrokerSettings broker() {
        return BrokerSettings.IN_MEMORY;
    }

    @Override
    public List<Metric> metrics() {
        return List.of(throughput);
    }

    @Override
    public ScenarioRun setup(ConnectionFactory factory, RunContext context) throws Exception {
        Resources resources = new Resources();
        try {
            ArrivalTracker tracker = new ArrivalTracker();
            Connection consumerConnection = resources.connect(factory);
            Session consumerSession = consumerConnection.createSession(true, Session.SESSION_TRANSACTED);
            Queue queue = consumerSession.createQueue(context.destinationPrefix());
            consumerSession.createConsumer(queue).setMessageListener(new RollbackOnce(consumerSession, tracker));
            consumerConnection.start();
            Session session = resources.connect(factory).createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = session.createProducer(queue);
            producer.setDeliveryMode(DeliveryMode.NON_PERSISTENT);
            Window window = new Window(WINDOW, List.of(tracker), context.mode().drainTimeout());
            return new ScenarioRun() {
                @Override
                public Sample run() throws Exception {
                    long start = System.nanoTime();
                    long sent = SendLoop.run(session, producer, context.mode().maxMessages(),
                            context.deadlineFromNow(), window, SendLoop.AfterBatch.NOTHING);
                    tracker.expect(sent);
                    tracker.await(context.mode().drainTimeout());
                    return new Sample().put(throughput, sent / ((System.nanoTime() - start) / 1e9));
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

    /** Rolls back first deliveries, commits redeliveries. Called by the session's delivery thread. */
    private static final class RollbackOnce implements MessageListener {
        private final Session session;
        private final ArrivalTracker tracker;
        private final byte[] buffer = Payload.buffer();

        RollbackOnce(Session session, ArrivalTracker tracker) {
            this.session = session;
            this.tracker = tracker;
        }

        @Override
        public void onMessage(Message message) {
            try {
                if (!message.getJMSRedelivered()) {
                    session.rollback();
                    return;
                }
                Payload.read(message, buffer);
                session.commit();
                tracker.arrived(1);
            } catch (Throwable t) {
                tracker.fail(t);
            }
        }
    }
}
