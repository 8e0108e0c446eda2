package dev.ferrymq.cdi;

import jakarta.jms.Session;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a method of an application-scoped or dependent CDI bean as a message consumer (after the
 * withdrawn JMS 2.1 drafts' "flexible message-driven beans"). Exactly one of {@link #queue()} and
 * {@link #topic()} is set.
 *
 * <p>Parameters: at most one without annotation receives the message or its body converted to the
 * parameter's type ({@code Message} and its subtypes, {@code String}, {@code byte[]}, {@code Map}, a
 * {@code Serializable} type of an {@code ObjectMessage}, any other type from a text body through
 * JSON-B when an implementation is on the class path); the others carry {@link JmsHeader} or
 * {@link JmsProperty}. A non-void result is sent to the message's {@code JMSReplyTo} with
 * {@code JMSCorrelationID} set to the request's correlation ID, or its message ID when it has none.
 *
 * <p>Acknowledgement: the message is acknowledged (or the transaction committed) after the method
 * returns; when it throws, the message is recovered (or rolled back) and the destination's
 * redelivery policy applies. A body that cannot be converted goes to {@link #deadLetterQueue()} with
 * the reason, without redelivery.
 *
 * <p>Threading: the method is called from the listener's own threads, up to the upper bound of
 * {@link #concurrency()} at once, on one bean instance (the contextual instance of an
 * application-scoped bean, one instance per listener for a dependent bean).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface JmsListener {

    /** Name of the queue to consume from (physical name, or JNDI name when JNDI binds one). */
    String queue() default "";

    /** Name of the topic to subscribe to (physical name, or JNDI name when JNDI binds one). */
    String topic() default "";

    /** Message selector; empty for none. */
    String selector() default "";

    /** Subscription name: required for a durable or shared topic subscription. */
    String subscription() default "";

    /** Whether the topic subscription is durable. */
    boolean durable() default false;

    /** Whether the topic subscription is shared (then concurrency may exceed 1). */
    boolean shared() default false;

    /** Client ID set on the listener's connection; empty for none (or the factory's). */
    String clientId() default "";

    /**
     * Number of consumers, {@code "n"} or {@code "min-max"}: starts with min, adds one while all are
     * busy up to max, and retires consumers above min once they find nothing to receive.
     */
    String concurrency() default "1";

    /**
     * {@link Session#AUTO_ACKNOWLEDGE} or {@link Session#DUPS_OK_ACKNOWLEDGE} (both acknowledge
     * after the method returns), or {@link Session#CLIENT_ACKNOWLEDGE} (the method acknowledges
     * through its {@code Message} parameter). Ignored when {@link #transacted()}.
     */
    int sessionMode() default Session.AUTO_ACKNOWLEDGE;

    /** Consume in a local transaction, committed after the method returns (with its reply). */
    boolean transacted() default false;

    /** {@code @JMSConnectionFactory} name of the factory to use; empty for the default factory. */
    String connectionFactory() default "";

    /** Queue receiving bodies the method cannot take; {@code {name}} stands for the destination's name. */
    String deadLetterQueue() default "DLQ.{name}";
}
