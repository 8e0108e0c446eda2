package dev.ferrymq.engine.management;

import dev.ferrymq.engine.queue.MessageQueue;
import dev.ferrymq.spi.DestinationRef;

import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

/**
 * The JMX names of FerryMQ's MBeans, in the domain {@value #DOMAIN}:
 * <ul>
 *   <li>a broker: {@code dev.ferrymq:type=Broker,name=<broker>}</li>
 *   <li>a queue: {@code ...,destinationType=Queue,destination=<queue>} (TemporaryQueue for a temporary one)</li>
 *   <li>a topic subscription: {@code ...,destinationType=Topic,destination=<topic>,subscription=<queue name>}
 *       (TemporaryTopic for a temporary topic)</li>
 * </ul>
 * A value holding a character ObjectName reserves ({@code , = : " * ? \n}) is quoted
 * ({@link ObjectName#quote}); others are given as they are.
 *
 * <p>Threading contract: stateless.
 */
public final class ObjectNames {

    public static final String DOMAIN = "dev.ferrymq";

    private ObjectNames() {
    }

    /** The broker's MBean name. */
    public static ObjectName broker(String broker) {
        return name(base(broker));
    }

    /** The MBean name of {@code queue} of broker {@code broker}. */
    public static ObjectName destination(String broker, MessageQueue queue) {
        DestinationRef ref = queue.ref();
        String type = switch (ref.type()) {
            case QUEUE -> "Queue";
            case TOPIC -> "Topic";
            case TEMPORARY_QUEUE -> "TemporaryQueue";
            case TEMPORARY_TOPIC -> "TemporaryTopic";
        };
        StringBuilder b = new StringBuilder(base(broker)).append(",destinationType=").append(type)
                .append(",destination=").append(value(ref.name()));
        if (!ref.isQueue()) {
            b.append(",subscription=").append(value(queue.name()));
        }
        return name(b.toString());
    }

    private static String base(String broker) {
        return DOMAIN + ":type=Broker,name=" + value(broker);
    }

    /** {@code v} as an ObjectName value: quoted only when it must be. */
    static String value(String v) {
        for (int i = 0; i < v.length(); i++) {
            if (",=:\"*?\n\\".indexOf(v.charAt(i)) >= 0) {
                return ObjectName.quote(v);
            }
        }
        return v.isEmpty() ? ObjectName.quote(v) : v;
    }

    private static ObjectName name(String text) {
        try {
            return new ObjectName(text);
        } catch (MalformedObjectNameException e) {
            throw new IllegalArgumentException("not a valid JMX name: " + text, e);
        }
    }
}
