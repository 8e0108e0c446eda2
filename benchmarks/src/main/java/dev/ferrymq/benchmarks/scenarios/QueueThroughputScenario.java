package dev.ferrymq.benchmarks.scenarios;

import dev.ferrymq.benchmarks.harness.Metric;
import dev.ferrymq.benchmarks.harness.RunContext;
import dev.ferrymq.benchmarks.harness.Sample;
import dev.ferrymq.benchmarks.harness.Scenario;
import dev.ferrymq.benchmarks.harness.ScenarioRun;
import dev.ferrymq.benchmarks.providers.BrokerSettings;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Queue throughput, end to end: {@code producers} producers (a connection and a thread each) send
 * for the mode's duration while one MessageListener consumer (its own connection) reads every
 * body; the rate is messages consumed over the time from the first send to the last delivery.
 * Covers S1 (AUTO_ACKNOWLEDGE), S2 (CLIENT_ACKNOWLEDGE every message or every 100th) and S3
 * (PERSISTENT, 1/4/16 producers). Immutable and thread-safe; each setup is independent.
 */
final class QueueThroughputScenario implements Scenario {

    private final String id;
    private final String description;
    private final boolean persistent;
    private final int ackMode;
    private final int ackEvery;
    private final int producers;
    private final Metric throughput;

    /**
     * @param ackMode  {@link Session#AUTO_ACKNOWLEDGE} or {@link Session#CLIENT_ACKNOWLEDGE}
     * @param ackEvery with CLIENT_ACKNOWLEDGE, acknowledge every n-th message; 0 otherwise
     */
    QueueThroughputScenario(String id, String description, boolean persistent, int ackMode, int ackEvery,
                            int producers, Metric throughput) {
        this.id = id;
        this.description = description;
        this.persistent = persistent;
        this.ackMode = ackMode;
        this.ackEvery = ackEvery;
        this.producers = producers;
        this.throughput = throughput;
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
        return persistent ? BrokerSettings.PERSISTENT : BrokerSettings.IN_MEMORY;
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
            Session consumerSession = consumerConnection.createSession(false, ackMode);
            Queue queue = consumerSession.createQueue(context.destinationPrefix());
            MessageConsumer consumer = consumerSession.createConsumer(queue);
            consumer.setMessageListener(new BodyReadingListener(tracker, ackEvery));
            consumerConnection.start();
            List<Session> sessions = new ArrayList<>();
            List<MessageProducer> senders = new ArrayList<>();
            for (int i = 0; i < producers; i++) {
                Session s = resources.connect(factory).createSession(false, Session.AUTO_ACKNOWLEDGE);
                MessageProducer p = s.createProducer(queue);
                p.setDeliveryMode(persistent ? DeliveryMode.PERSISTENT : DeliveryMode.NON_PERSISTENT);
                sessions.add(s);
                senders.add(p);
            }
            ExecutorService threads = resources.threads(producers, "bench-producer");
            Window window = new Window(Window.DEFAULT_LIMIT, List.of(tracker), context.mode().drainTimeout());
            return new Run(resources, tracker, sessions, senders, threads, window, context);
        } catch (Exception e) {
            throw resources.closeAfter(e);
        }
    }

    private final class Run implements ScenarioRun {
        private final Resources resources;
        private final ArrivalTracker tracker;
        private final List<Session> sessions;
        private final List<MessageProducer> senders;
        private final ExecutorService threads;
        private final Window window;
        private final RunContext context;

        Run(Resources resources, ArrivalTracker tracker, List<Session> sessions, List<MessageProducer> senders,
            ExecutorService threads, Window window, RunContext context) {
            this.resources = resources;
            this.tracker = tracker;
            this.sessions = sessions;
            this.senders = senders;
            this.threads = threads;
            this.window = window;
            this.context = context;
        }

        @Override
        public Sample run() throws Exception {
            long perProducer = context.mode().maxMessages() / producers;
            long start = System.nanoTime();
            long deadline = context.deadlineFromNow();
            List<Future<Long>> sent = new ArrayList<>();
            for (int i = 0; i < producers; i++) {
                Session s = sessions.get(i);
                MessageProducer p = senders.get(i);
                sent.add(threads.submit(() -> SendLoop.run(s, p, perProducer, deadline, window,
                        SendLoop.AfterBatch.NOTHING)));
            }
            long total = 0;
            for (Future<Long> f : sent) {
                total += f.get();
            }
            tracker.expect(total);
            tracker.await(context.mode().drainTimeout());
            double seconds = (System.nanoTime() - start) / 1e9;
            return new Sample().put(throughput, total / seconds);
        }

        @Override
        public void close() throws JMSException {
            resources.close();
        }
    }
}
