package dev.ferrymq.client;

/**
 * Which API made a connection or session: the domain-specific interfaces must refuse the other
 * domain's methods with an IllegalStateException (see the QueueSession, TopicSession and
 * QueueConnection javadoc); the unified API refuses nothing.
 */
public enum ApiDomain {
    /** {@code Connection}/{@code Session}: both domains. */
    GENERIC,
    /** {@code QueueConnection}/{@code QueueSession}: point-to-point only. */
    QUEUE,
    /** {@code TopicConnection}/{@code TopicSession}: publish/subscribe only. */
    TOPIC
}
