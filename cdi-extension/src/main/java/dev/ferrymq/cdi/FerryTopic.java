package dev.ferrymq.cdi;

import jakarta.enterprise.util.Nonbinding;
import jakarta.inject.Qualifier;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Qualifies an injected {@link jakarta.jms.Topic}: {@code @Inject @FerryTopic("prices") Topic prices;}.
 * The name is first looked up in JNDI (so a {@code topic.X=} entry of {@code jndi.properties} works);
 * when JNDI has no topic of that name it is the topic's physical name, created through the injection
 * point's connection factory ({@code @JMSConnectionFactory}, else the default one).
 */
@Qualifier
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.TYPE})
public @interface FerryTopic {

    /** The JNDI name or physical name of the topic. */
    @Nonbinding
    String value();
}
