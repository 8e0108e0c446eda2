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
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.Topic;

import java.util.ArrayList;
import java.util.List;

/**
 * S4 topic fan-out: one producer sends non-persistent messages to a topic with
 * {@code subscribers} non-durable AUTO_ACKNOWLEDGE MessageListener subscribers (a connection
 * each); the rate is deliveries (messages x subscribers) per second until every subscriber has
 * read every body. Immutable and thread-safe.
 */
final class TopicFanOutScenario implements Scenario {

    private final int subscribers;
    private final Metric deliveries = new Metric("deliveries/s", Unit.PER_SECOND,
            Target.atLeast(1_500_000, ">= 1.5M deliveries/s"));

    TopicFanOutScenario(int subscribers) {
        this.subscribers = subscribers;
    }

    @Override
    public String id() {
        return "S4";
    }

    @Override
    public String description() {
        return "topic, non-persistent, 1 producer, " + subscribers
                + " non-durable AUTO_ACKNOWLEDGE listeners: deliveries per second";
    }

    @Override
    public BrokerSettings broker() {
        return BrokerSettings.IN_MEMORY;
    }

    @Override
    public List<Metric> metrics() {
        return List.of(deliveries);
    }

    @Override
    public ScenarioRun setup(ConnectionFactory factory, RunContext context) throws Exception {
        Resources resources = new Resources();
        try {
            List<ArrivalTracker> trackers = new ArrayList<>();
            Topic topic = null;
            for (int i = 0; i < subscribers; i++) {
                Connection c = resources.connect(factory);
                Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
                topic = s.createTopic(context.destinationPrefix());
                ArrivalTracker tracker = new ArrivalTracker();
                trackers.add(tracker);
                s.createConsumer(topic).setMessageListener(new BodyReadingListener(tracker, 0));
                c.start();
            }
            Session session = resources.connect(factory).createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = session.createProducer(topic);
            producer.setDeliveryMode(DeliveryMode.NON_PERSISTENT);
            Window window = new Window(Window.DEFAULT_LIMIT, trackers, context.mode().drainTimeout());
            return new ScenarioRun() {
                @Override
                public Sample run() throws Exception {
                    long start = System.nanoTime();
                    long sent = SendLoop.run(session, producer, context.mode().maxMessages(),
                            context.deadlineFromNow(), window, SendLoop.AfterBatch.NOTHING);
                    for (ArrivalTracker t : trackers) {
                        t.expect(sent);
                    }
                    for (ArrivalTracker t : trackers) {
                        t.await(context.mode().drainTimeout());
                    }
                    double seconds = (System.nanoTime() - start) / 1e9;
                    return new Sample().put(deliveries, sent * subscribers / seconds);
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
}
