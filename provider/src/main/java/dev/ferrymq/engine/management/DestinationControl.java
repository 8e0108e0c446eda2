package dev.ferrymq.engine.management;

import dev.ferrymq.engine.exec.Await;
import dev.ferrymq.engine.queue.MessageQueue;
import dev.ferrymq.engine.queue.QueueFigures;
import dev.ferrymq.spi.MessageData;

import javax.management.Attribute;
import javax.management.AttributeList;
import javax.management.AttributeNotFoundException;
import javax.management.DynamicMBean;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanInfo;
import javax.management.MBeanOperationInfo;
import javax.management.MBeanParameterInfo;
import javax.management.ReflectionException;
import java.util.ArrayList;
import java.util.List;

/**
 * The MBean of one queue or topic subscription: every {@link Figure} as a read-only attribute
 * (plus {@code Name}, {@code Destination} and {@code DestinationType}) and the operations
 * {@code browse}, {@code purge}, {@code moveToOrigin}, {@code delete}, {@code pause} and
 * {@code resume}. Attributes are read from one {@link QueueFigures} snapshot taken on the queue's
 * executor per call ({@link #getAttributes} takes one for all).
 *
 * <p>Threading contract: thread-safe; each call hands its work to the queue's executor and waits
 * for it (at most {@link Await#TIMEOUT_SECONDS}).
 */
final class DestinationControl implements DynamicMBean {

    /** The most messages {@code browse} lists. */
    static final int BROWSE_LIMIT = 1000;

    private static final MBeanInfo INFO = info();

    private final ManagedBroker broker;
    private final MessageQueue queue;

    DestinationControl(ManagedBroker broker, MessageQueue queue) {
        this.broker = broker;
        this.queue = queue;
    }

    private QueueFigures figures() {
        return Await.result("reading the figures of " + queue.name(), queue::figures);
    }

    @Override
    public Object getAttribute(String attribute) throws AttributeNotFoundException {
        switch (attribute) {
            case "Name":
                return queue.name();
            case "Destination":
                return queue.ref().name();
            case "DestinationType":
                return queue.ref().type().name();
            default:
                Figure f = Figure.byAttribute(attribute);
                if (f == null) {
                    throw new AttributeNotFoundException("no attribute " + attribute + " on " + queue.name());
                }
                return f.read(figures());
        }
    }

    @Override
    public AttributeList getAttributes(String[] attributes) {
        QueueFigures snapshot = null;
        AttributeList out = new AttributeList();
        for (String a : attributes) {
            Figure f = Figure.byAttribute(a);
            try {
                if (f != null) {
                    snapshot = snapshot != null ? snapshot : figures();
                    out.add(new Attribute(a, f.read(snapshot)));
                } else {
                    out.add(new Attribute(a, getAttribute(a)));
                }
            } catch (AttributeNotFoundException e) {
                // JMX: attributes that cannot be read are left out of the list
            }
        }
        return out;
    }

    @Override
    public void setAttribute(Attribute attribute) throws AttributeNotFoundException {
        throw new AttributeNotFoundException("the attributes of " + queue.name() + " are read-only");
    }

    @Override
    public AttributeList setAttributes(AttributeList attributes) {
        return new AttributeList();
    }

    @Override
    public Object invoke(String action, Object[] params, String[] signature) throws ReflectionException {
        String where = action + " on " + queue.name();
        switch (action) {
            case "browse":
                return browse();
            case "purge":
                return Await.<Integer>result(where, done -> queue.scans().purge(done));
            case "moveToOrigin":
                return Await.<Integer>result(where, done -> broker.moveToOrigin(queue.ref(), null, done));
            case "delete":
                Await.<Void>result(where, done -> broker.deleteQueue(queue, done));
                return null;
            case "pause":
                Await.<Void>result(where, done -> queue.pause(true, done));
                return null;
            case "resume":
                Await.<Void>result(where, done -> queue.pause(false, done));
                return null;
            default:
                throw new ReflectionException(new NoSuchMethodException(action),
                        "no operation " + action + " on " + queue.name());
        }
    }

    /** One summary line per available message, in delivery order, at most {@link #BROWSE_LIMIT}. */
    private String[] browse() {
        List<MessageData> messages = Await.result("browse on " + queue.name(), done -> queue.scans().browse(null, done));
        int n = Math.min(messages.size(), BROWSE_LIMIT);
        String[] out = new String[n];
        for (int i = 0; i < n; i++) {
            out[i] = MessageSummary.of(messages.get(i));
        }
        return out;
    }

    @Override
    public MBeanInfo getMBeanInfo() {
        return INFO;
    }

    private static MBeanInfo info() {
        List<MBeanAttributeInfo> attributes = new ArrayList<>();
        attributes.add(new MBeanAttributeInfo("Name", String.class.getName(), "the queue's name", true, false, false));
        attributes.add(new MBeanAttributeInfo("Destination", String.class.getName(),
                "the destination (the topic, for a subscription)", true, false, false));
        attributes.add(new MBeanAttributeInfo("DestinationType", String.class.getName(),
                "QUEUE, TOPIC, TEMPORARY_QUEUE or TEMPORARY_TOPIC", true, false, false));
        for (Figure f : Figure.values()) {
            attributes.add(new MBeanAttributeInfo(f.attribute(), f.type().getName(), f.description(), true, false,
                    f.type() == Boolean.class));
        }
        MBeanParameterInfo[] none = new MBeanParameterInfo[0];
        MBeanOperationInfo[] operations = {
                new MBeanOperationInfo("browse", "summaries (id, priority, headers, body) of the available messages, "
                        + "at most " + BROWSE_LIMIT, none, String[].class.getName(), MBeanOperationInfo.INFO),
                new MBeanOperationInfo("purge", "drops the available messages; returns how many", none,
                        int.class.getName(), MBeanOperationInfo.ACTION),
                new MBeanOperationInfo("moveToOrigin", "moves dead letters (or expired messages) back to where they "
                        + "were sent; returns how many", none, int.class.getName(), MBeanOperationInfo.ACTION),
                new MBeanOperationInfo("delete", "deletes the queue or durable subscription if idle (no consumer, "
                        + "nothing unacknowledged), its messages with it", none, void.class.getName(),
                        MBeanOperationInfo.ACTION),
                new MBeanOperationInfo("pause", "stops dispatching to consumers", none, void.class.getName(),
                        MBeanOperationInfo.ACTION),
                new MBeanOperationInfo("resume", "dispatches to consumers again", none, void.class.getName(),
                        MBeanOperationInfo.ACTION),
        };
        return new MBeanInfo(DestinationControl.class.getName(), "a FerryMQ queue or topic subscription",
                attributes.toArray(new MBeanAttributeInfo[0]), null, operations, null);
    }
}
