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
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageListener;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;

import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * S6 request/reply: a requester sends a non-persistent 1 KiB request with {@code JMSReplyTo} set
 * to its temporary queue and waits in {@code receive} for the reply, one request in flight; a
 * responder MessageListener (own connection) reads the request and sends a fresh 1 KiB reply,
 * correlated by message id, through an anonymous producer. Latency is the full round trip.
 * Immutable and thread-safe.
 */
final class RequestReplyScenario implements Scenario {

    private final Metric rate = Metric.of("round trips/s", Unit.PER_SECOND);
    private final Metric p50 = new Metric("p50 round trip", Unit.MICROS, Target.below(60, "< 60 us"));
    private final Metric p99 = Metric.of("p99 round trip", Unit.MICROS);

    @Override
    public String id() {
        return "S6";
    }

    @Override
    public String description() {
        return "request/reply over a temporary queue, non-persistent, one request in flight: round trip";
    }

    @Override
    public BrokerSettings broker() {
        return BrokerSettings.IN_MEMORY;
    }

    @Override
    public List<Metric> metrics() {
        return List.of(rate, p50, p99);
    }

    @Override
    public ScenarioRun setup(ConnectionFactory factory, RunContext context) throws Exception {
        Resources resources = new Resources();
        try {
            Connection responderConnection = resources.connect(factory);
            Session responderSession = responderConnection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Queue requests = responderSession.createQueue(context.destinationPrefix());
            MessageProducer replier = responderSession.createProducer(null);
            replier.setDeliveryMode(DeliveryMode.NON_PERSISTENT);
            ArrivalTracker responderErrors = new ArrivalTracker();
            responderSession.createConsumer(requests)
                    .setMessageListener(new Responder(responderSession, replier, responderErrors));
            responderConnection.start();

            Connection requesterConnection = resources.connect(factory);
            Session session = requesterConnection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            TemporaryQueue replyTo = session.createTemporaryQueue();
            MessageConsumer replies = session.createConsumer(replyTo);
            MessageProducer requester = session.createProducer(requests);
            requester.setDeliveryMode(DeliveryMode.NON_PERSISTENT);
            requesterConnection.start();
            return new ScenarioRun() {
                @Override
                public Sample run() throws Exception {
                    long max = context.mode().maxMessages();
                    LatencyRecorder latencies = new LatencyRecorder(100_000);
                    long timeoutMillis = context.mode().drainTimeout().toMillis();
                    byte[] buffer = Payload.buffer();
                    long start = System.nanoTime();
                    long deadline = context.deadlineFromNow();
                    long now = start;
                    while (latencies.size() < max && now - deadline < 0) {
                        BytesMessage request = Payload.create(session);
                        request.setJMSReplyTo(replyTo);
                        requester.send(request);
                        Message reply = replies.receive(timeoutMillis);
                        if (reply == null) {
                            responderErrors.checkFailure();
                            throw new TimeoutException("no reply within " + timeoutMillis + " ms after "
                                    + latencies.size() + " round trips");
                        }
                        if (!request.getJMSMessageID().equals(reply.getJMSCorrelationID())) {
                            throw new IllegalStateException("reply correlated to " + reply.getJMSCorrelationID()
                                    + ", expected " + request.getJMSMessageID());
                        }
                        Payload.read(reply, buffer);
                        long end = System.nanoTime();
                        latencies.record(end - now);
                        now = end;
                    }
                    double seconds = (now - start) / 1e9;
                    return new Sample()
                            .put(rate, latencies.size() / seconds)
                            .put(p50, latencies.percentileMicros(50))
                            .put(p99, latencies.percentileMicros(99));
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

    /** Reads each request and replies to its JMSReplyTo. Called by the session's delivery thread. */
    private static final class Responder implements MessageListener {
        private final Session session;
        private final MessageProducer replier;
        private final ArrivalTracker errors;
        private final byte[] buffer = Payload.buffer();

        Responder(Session session, MessageProducer replier, ArrivalTracker errors) {
            this.session = session;
            this.replier = replier;
            this.errors = errors;
        }

        @Override
        public void onMessage(Message request) {
            try {
                Payload.read(request, buffer);
                BytesMessage reply = Payload.create(session);
                reply.setJMSCorrelationID(request.getJMSMessageID());
                replier.send(request.getJMSReplyTo(), reply);
            } catch (Throwable t) {
                errors.fail(t);
            }
        }
    }
}
