package dev.ferrymq.engine.management;

import dev.ferrymq.engine.queue.MessageQueue;
import dev.ferrymq.engine.queue.QueueObserver;

import javax.management.InstanceNotFoundException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.NotCompliantMBeanException;
import javax.management.ObjectName;
import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A broker's MBeans in the platform MBean server ({@link ObjectNames}): the broker's from
 * {@link #register} to {@link #close}, and one per queue and topic subscription from its creation
 * to its deletion (or {@link #close}).
 *
 * <p>Threading contract: thread-safe; the queue events may come from any thread.
 */
public final class JmxRegistration implements QueueObserver, AutoCloseable {

    private static final System.Logger LOG = System.getLogger(JmxRegistration.class.getName());

    private final ManagedBroker broker;
    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    private final Map<MessageQueue, ObjectName> registered = new ConcurrentHashMap<>();
    private final ObjectName brokerName;
    private volatile boolean closed;

    private JmxRegistration(ManagedBroker broker) {
        this.broker = broker;
        this.brokerName = ObjectNames.broker(broker.name());
    }

    /**
     * Registers the MBeans of {@code broker} and of its queues, and of every queue created until
     * {@link #close}. A name already taken (another broker of the same name in another class loader)
     * is logged and skipped.
     */
    public static JmxRegistration register(ManagedBroker broker) {
        JmxRegistration r = new JmxRegistration(broker);
        try {
            r.registerBean(r.brokerName, BrokerControl.mbean(broker));
        } catch (NotCompliantMBeanException e) {
            throw new IllegalStateException("BrokerControl does not implement BrokerControlMBean as JMX requires", e);
        }
        broker.addQueueObserver(r);
        broker.forEachQueue(r::created);
        return r;
    }

    @Override
    public void created(MessageQueue queue) {
        if (closed || registered.containsKey(queue)) {
            return;
        }
        ObjectName name = ObjectNames.destination(broker.name(), queue);
        if (registered.putIfAbsent(queue, name) == null && !registerBean(name, new DestinationControl(broker, queue))) {
            registered.remove(queue, name);
        }
        if (queue.isDeleted() || closed) {
            deleted(queue);
        }
    }

    @Override
    public void deleted(MessageQueue queue) {
        ObjectName name = registered.remove(queue);
        if (name != null) {
            unregister(name);
        }
    }

    /** Unregisters every MBean of the broker. Idempotent. */
    @Override
    public void close() {
        closed = true;
        broker.removeQueueObserver(this);
        registered.keySet().forEach(this::deleted);
        unregister(brokerName);
    }

    private boolean registerBean(ObjectName name, Object bean) {
        try {
            server.registerMBean(bean, name);
            return true;
        } catch (JMException e) {
            LOG.log(System.Logger.Level.WARNING, "FerryMQ could not register MBean " + name + ": " + e);
            return false;
        }
    }

    private void unregister(ObjectName name) {
        try {
            server.unregisterMBean(name);
        } catch (InstanceNotFoundException gone) {
            // already unregistered: nothing to do
        } catch (JMException e) {
            LOG.log(System.Logger.Level.WARNING, "FerryMQ could not unregister MBean " + name + ": " + e);
        }
    }
}
