package dev.ferrymq.samples;

import jakarta.jms.JMSException;

import javax.management.Attribute;
import javax.management.AttributeList;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The essay's figures of one queue as the broker itself counts them, read the way an operator or
 * an application would: from the queue's MBean
 * ({@code dev.ferrymq:type=Broker,name=<broker>,destinationType=Queue,destination=<queue>}) in
 * the platform MBean server, with plain {@code javax.management}. The broker registers it while
 * it runs with {@code jmx=true} (the default), so read it before the broker stops.
 *
 * <p>Threading contract: immutable once {@link #read} returned it.
 */
final class BrokerFigures {

    static final String DEPTH = "Depth";
    static final String ENQUEUED = "Enqueued";
    static final String DELIVERED = "Delivered";
    static final String ACKNOWLEDGED = "Acknowledged";
    static final String REDELIVERED = "Redelivered";
    static final String DEAD_LETTERED = "DeadLettered";
    static final String EXPIRED = "Expired";
    static final String RELIABILITY = "Reliability";
    static final String T_COUNT = "ProcessingTimeCount";
    static final String T_MEAN = "ProcessingTimeMeanMillis";
    static final String T_MAX = "ProcessingTimeMaxMillis";
    static final String U_COUNT = "AcknowledgementTimeCount";
    static final String U_MEAN = "AcknowledgementTimeMeanMillis";
    static final String U_MAX = "AcknowledgementTimeMaxMillis";
    static final String V_COUNT = "RetransmissionTimeCount";
    static final String V_MEAN = "RetransmissionTimeMeanMillis";
    static final String V_MAX = "RetransmissionTimeMaxMillis";

    private static final List<String> ATTRIBUTES = List.of(DEPTH, ENQUEUED, DELIVERED, ACKNOWLEDGED, REDELIVERED,
            DEAD_LETTERED, EXPIRED, RELIABILITY, T_COUNT, T_MEAN, T_MAX, U_COUNT, U_MEAN, U_MAX, V_COUNT, V_MEAN, V_MAX);

    private final ObjectName name;
    private final Map<String, Number> values;

    private BrokerFigures(ObjectName name, Map<String, Number> values) {
        this.name = name;
        this.values = values;
    }

    /** The MBean name of queue {@code queue} of broker {@code broker} (names without characters ObjectName reserves). */
    static ObjectName queueMBean(String broker, String queue) throws JMSException {
        String text = "dev.ferrymq:type=Broker,name=" + broker + ",destinationType=Queue,destination=" + queue;
        try {
            return new ObjectName(text);
        } catch (JMException e) {
            throw failure("not a valid MBean name: " + text, e);
        }
    }

    /**
     * Reads all the figures of queue {@code queue} of the running broker {@code broker} in one
     * {@code getAttributes} call (one snapshot on the queue's side).
     *
     * @throws JMSException when there is no such MBean (the broker is stopped or runs with
     *                      {@code jmx=false}) or an attribute cannot be read
     */
    static BrokerFigures read(String broker, String queue) throws JMSException {
        ObjectName name = queueMBean(broker, queue);
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        AttributeList list;
        try {
            list = server.getAttributes(name, ATTRIBUTES.toArray(String[]::new));
        } catch (JMException e) {
            throw failure("cannot read the MBean " + name + " (is the broker running, with jmx=true?): " + e, e);
        }
        Map<String, Number> values = new HashMap<>();
        for (Attribute a : list.asList()) {
            values.put(a.getName(), (Number) a.getValue());
        }
        for (String a : ATTRIBUTES) {
            if (!values.containsKey(a)) {
                throw new JMSException("the MBean " + name + " gave no attribute " + a);
            }
        }
        return new BrokerFigures(name, values);
    }

    private static JMSException failure(String message, Exception cause) {
        JMSException e = new JMSException(message);
        e.setLinkedException(cause);
        e.initCause(cause);
        return e;
    }

    ObjectName name() {
        return name;
    }

    long count(String attribute) {
        return values.get(attribute).longValue();
    }

    double millis(String attribute) {
        return values.get(attribute).doubleValue();
    }

    double reliability() {
        return values.get(RELIABILITY).doubleValue();
    }

    void print(PrintStream out) {
        out.println("figures from the broker (MBean " + name + "):");
        out.printf(Locale.ROOT, "  n  queue length (Depth) now: %d; enqueued %d, delivered %d, acknowledged %d, redelivered %d%n",
                count(DEPTH), count(ENQUEUED), count(DELIVERED), count(ACKNOWLEDGED), count(REDELIVERED));
        out.printf(Locale.ROOT, "  t  processing time (delivery to acknowledgement reaching the queue): mean %.3f ms, max %.3f ms (%d measured)%n",
                millis(T_MEAN), millis(T_MAX), count(T_COUNT));
        out.printf(Locale.ROOT, "  u  acknowledgement time (acknowledgement to durable; 0 when not stored): mean %.3f ms, max %.3f ms (%d measured)%n",
                millis(U_MEAN), millis(U_MAX), count(U_COUNT));
        out.printf(Locale.ROOT, "  v  retransmission time (redelivery delay applied; 0 when at once): mean %.1f ms, max %.1f ms (%d retransmission%s)%n",
                millis(V_MEAN), millis(V_MAX), count(V_COUNT), count(V_COUNT) == 1 ? "" : "s");
        out.printf(Locale.ROOT, "  p  reliability acknowledged / (acknowledged + dead-lettered + expired) = %d / (%d + %d + %d) = %.3f%n",
                count(ACKNOWLEDGED), count(ACKNOWLEDGED), count(DEAD_LETTERED), count(EXPIRED), reliability());
    }
}
