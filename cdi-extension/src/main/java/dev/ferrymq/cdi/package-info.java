/**
 * FerryMQ's portable CDI 4 extension, public API: the qualifiers {@link dev.ferrymq.cdi.FerryQueue}
 * and {@link dev.ferrymq.cdi.FerryTopic} for injected destinations, and the listener method
 * annotations {@link dev.ferrymq.cdi.JmsListener}, {@link dev.ferrymq.cdi.JmsHeader} and
 * {@link dev.ferrymq.cdi.JmsProperty}. {@code @Inject JMSContext} and {@code @Inject ConnectionFactory}
 * use the standard {@code jakarta.jms} annotations. The extension registers itself through
 * {@code META-INF/services}; see the module's README for the rules.
 */
package dev.ferrymq.cdi;
