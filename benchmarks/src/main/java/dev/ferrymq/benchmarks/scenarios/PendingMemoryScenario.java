package dev.ferrymq.benchmarks.scenarios;

import dev.ferrymq.benchmarks.harness.Metric;
import dev.ferrymq.benchmarks.harness.OneShotScenario;
import dev.ferrymq.benchmarks.harness.RunContext;
import dev.ferrymq.benchmarks.harness.Sample;
import dev.ferrymq.benchmarks.harness.ScenarioRun;
import dev.ferrymq.benchmarks.harness.Target;
import dev.ferrymq.benchmarks.harness.Unit;
import dev.ferrymq.benchmarks.providers.BrokerSettings;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.List;

/**
 * Memory: heap used per pending message. With no consumer, one producer sends the mode's number
 * of non-persistent 1 KiB messages to a queue, then one PERSISTENT message whose synchronous send
 * confirms the broker took all before it (same session, so in order). Heap used (MemoryMXBean,
 * after System.gc() until it stops shrinking) is read before and after; the difference over the
 * count is the cost of a pending message, body included. Approximate: it counts everything the
 * JVM retained meanwhile, and the broker runs without memory limits (no paging). One iteration,
 * no warm-up. Immutable and thread-safe.
 */
final class PendingMemoryScenario implements OneShotScenario {

    private static final int MAX_GC_ROUNDS = 6;

    private final Metric perMessage = Metric.of("heap per pending msg", Unit.BYTES);
    private final Metric overhead = new Metric("  of which beyond body", Unit.BYTES,
            Target.below(1_536, "< 1.5 KiB"));

    @Override
    public String id() {
        return "MEM";
    }

    @Override
    public String description() {
        return "heap used per pending 1 KiB non-persistent message, no consumer (approximate: "
                + "MemoryMXBean after System.gc())";
    }

    @Override
    public BrokerSettings broker() {
        return BrokerSettings.IN_MEMORY_UNBOUNDED;
    }

    @Override
    public List<Metric> metrics() {
        return List.of(perMessage, overhead);
    }

    @Override
    public ScenarioRun setup(ConnectionFactory factory, RunContext context) throws Exception {
        Resources resources = new Resources();
        try {
            Session session = resources.connect(factory).createSession(false, Session.AUTO_ACKNOWLEDGE);
            Queue queue = session.createQueue(context.destinationPrefix());
            MessageProducer producer = session.createProducer(queue);
            producer.setDeliveryMode(DeliveryMode.NON_PERSISTENT);
            producer.send(Payload.create(session), DeliveryMode.PERSISTENT, 4, 0);
            int pending = context.mode().pendingMessages();
            return new ScenarioRun() {
                @Override
                public Sample run() throws Exception {
                    long before = settledHeapUsed();
                    for (int i = 0; i < pending; i++) {
                        producer.send(Payload.create(session));
                    }
                    producer.send(Payload.create(session), DeliveryMode.PERSISTENT, 4, 0);
                    long after = settledHeapUsed();
                    double bytes = (after - before) / (double) pending;
                    return new Sample().put(perMessage, bytes).put(overhead, bytes - Payload.SIZE);
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

    /** Heap used after full collections, repeated until a collection frees less than 1 MiB. */
    static long settledHeapUsed() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < MAX_GC_ROUNDS; i++) {
            System.gc();
            Thread.sleep(100);
            long now = memory.getHeapMemoryUsage().getUsed();
            if (used - now < 1 << 20) {
                return Math.min(used, now);
            }
            used = now;
        }
        return used;
    }
}
