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
 * S5 transacted batches: one producer in a transacted session sends PERSISTENT messages and
 * commits every {@value SendLoop#BATCH}; one MessageListener in a transacted session reads every
 * body and commits every {@value SendLoop#BATCH}-th message. The rate counts committed
 * consumption. Immutable and thread-safe.
 */
final class TransactedBatchScenario implements Scenario {

    private final Metric throughput = new Metric("msg/s", Unit.PER_SECOND, Target.atLeast(150_000, ">= 150k msg/s"));

    @Override
    public String id() {
        return "S5";
    }

    @Override
    public String description() {
        return "queue, persistent, transacted producer and listener, each committing every "
                + SendLoop.BATCH + " messages";
    }

    @Override
    public BrokerSettings broker() {
        return BrokerSettings.PERSISTENT;
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
            consumerSession.createConsumer(queue).setMessageListener(new Committer(consumerSession, tracker));
            consumerConnection.start();
            Session session = resources.connect(factory).createSession(true, Session.SESSION_TRANSACTED);
            MessageProducer producer = session.createProducer(queue);
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            Window window = new Window(Window.DEFAULT_LIMIT, List.of(tracker), context.mode().drainTimeout());
            return new ScenarioRun() {
                @Override
                public Sample run() throws Exception {
                    long start = System.nanoTime();
                    long sent = SendLoop.run(session, producer, context.mode().maxMessages(),
                            context.deadlineFromNow(), window, session::commit);
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

    /** Reads each body and commits every batch. Called by the session's delivery thread. */
    private static final class Committer implements MessageListener {
        private final Session session;
        private final ArrivalTracker tracker;
        private final byte[] buffer = Payload.buffer();
        private int uncommitted;

        Committer(Session session, ArrivalTracker tracker) {
            this.session = session;
            this.tracker = tracker;
        }

        @Override
        public void onMessage(Message message) {
            try {
                Payload.read(message, buffer);
                if (++uncommitted == SendLoop.BATCH) {
                    session.commit();
                    tracker.arrived(uncommitted);
                    uncommitted = 0;
                }
            } catch (Throwable t) {
                tracker.fail(t);
            }
        }
    }
}
