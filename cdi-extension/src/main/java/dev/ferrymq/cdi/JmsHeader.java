package dev.ferrymq.cdi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A {@link JmsListener} method parameter receiving a header of the message: {@code JMSMessageID},
 * {@code JMSCorrelationID}, {@code JMSType} (String), {@code JMSTimestamp}, {@code JMSExpiration},
 * {@code JMSDeliveryTime} (long), {@code JMSPriority}, {@code JMSDeliveryMode} (int),
 * {@code JMSRedelivered} (boolean), {@code JMSDestination}, {@code JMSReplyTo} (Destination), or
 * {@code JMSXDeliveryCount} (int).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface JmsHeader {

    /** The header's name, e.g. {@code "JMSCorrelationID"}. */
    String value();
}
