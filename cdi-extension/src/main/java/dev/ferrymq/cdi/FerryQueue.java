package dev.ferrymq.cdi;

import jakarta.enterprise.util.Nonbinding;
import jakarta.inject.Qualifier;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Qualifies an injected {@link jakarta.jms.Queue}: {@code @Inject @FerryQueue("orders") Queue orders;}.
 * The name is first looked up in JNDI (so a {@code queue.X=} entry of {@code jndi.properties} works);
 * when JNDI has no queue of that name it is the queue's physical name, created through the injection
 * point's connection factory ({@code @JMSConnectionFactory}, else the default one).
 */
@Qualifier
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.TYPE})
public @interface FerryQueue {

    /** The JNDI name or physical name of the queue. */
    @Nonbinding
    String value();
}
