package dev.ferrymq.management;

/**
 * The broker's MBean ({@code dev.ferrymq:type=Broker,name=<broker>}): totals over its queues and
 * topic subscriptions, and moving dead letters back by queue name. A JMX client may proxy it:
 * {@code JMX.newMBeanProxy(connection, new ObjectName("dev.ferrymq:type=Broker,name=orders"), BrokerControlMBean.class)}.
 *
 * <p>In an exported package because the platform MBean server reads a standard MBean's interface
 * by reflection from outside the module; the in-JVM engine implements it.
 *
 * <p>Threading: called on JMX threads; each operation waits for the broker's answer through its queues' and control executors.
 */
public interface BrokerControlMBean {

    /** The broker's name. */
    String getName();

    /** Open connections. */
    int getConnections();

    /** The names of its queues and topic subscriptions' queues, sorted. */
    String[] getQueues();

    /** The sum of the queues' depths n. */
    long getTotalDepth();

    /** The sum of the queues' enqueued counters. */
    long getTotalEnqueued();

    /** The sum of the queues' acknowledged counters. */
    long getTotalAcknowledged();

    /** The sum of the queues' dead-lettered counters. */
    long getTotalDeadLettered();

    /** Moves the messages of queue {@code deadLetterQueue} back to their origin; returns how many. */
    int moveToOrigin(String deadLetterQueue);
}
