package dev.ferrymq.engine.management;

import dev.ferrymq.engine.exec.Await;
import dev.ferrymq.engine.queue.MessageQueue;
import dev.ferrymq.engine.queue.QueueFigures;
import dev.ferrymq.management.BrokerControlMBean;
import dev.ferrymq.spi.DestinationRef;

import javax.management.NotCompliantMBeanException;
import javax.management.StandardMBean;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * The broker's MBean; see {@link BrokerControlMBean}. Totals take one snapshot per queue.
 *
 * <p>Threading contract: thread-safe; calls wait for the queues' executors (bounded).
 */
final class BrokerControl implements BrokerControlMBean {

    private final ManagedBroker broker;

    BrokerControl(ManagedBroker broker) {
        this.broker = broker;
    }

    /**
     * The MBean to register: this control behind its interface, which is not in this class's
     * package (so JMX would not find it by the {@code <class>MBean} naming rule).
     */
    static StandardMBean mbean(ManagedBroker broker) throws NotCompliantMBeanException {
        return new StandardMBean(new BrokerControl(broker), BrokerControlMBean.class);
    }

    @Override
    public String getName() {
        return broker.name();
    }

    @Override
    public int getConnections() {
        return broker.connectionCount();
    }

    @Override
    public String[] getQueues() {
        return queues().stream().map(MessageQueue::name).sorted().toArray(String[]::new);
    }

    @Override
    public long getTotalDepth() {
        return total(QueueFigures::depth);
    }

    @Override
    public long getTotalEnqueued() {
        return total(f -> f.stats().enqueued());
    }

    @Override
    public long getTotalAcknowledged() {
        return total(f -> f.stats().acknowledged());
    }

    @Override
    public long getTotalDeadLettered() {
        return total(f -> f.stats().deadLettered());
    }

    @Override
    public int moveToOrigin(String deadLetterQueue) {
        return Await.result("moveToOrigin of " + deadLetterQueue,
                done -> broker.moveToOrigin(DestinationRef.queue(deadLetterQueue), null, done));
    }

    private List<MessageQueue> queues() {
        List<MessageQueue> out = new ArrayList<>();
        broker.forEachQueue(out::add);
        return out;
    }

    private long total(ToLongFunction<QueueFigures> figure) {
        long sum = 0;
        for (MessageQueue q : queues()) {
            sum += figure.applyAsLong(Await.result("reading the figures of " + q.name(), q::figures));
        }
        return sum;
    }
}
