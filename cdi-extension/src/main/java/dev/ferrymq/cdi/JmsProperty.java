package dev.ferrymq.cdi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A {@link JmsListener} method parameter receiving a message property, converted by the JMS
 * property conversion rules to the parameter's type ({@code String}, {@code boolean}, {@code byte},
 * {@code short}, {@code int}, {@code long}, {@code float}, {@code double}, their boxes, or
 * {@code Object}). A missing property is {@code null}; for a primitive parameter it is a conversion
 * failure (the message goes to the dead-letter queue).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface JmsProperty {

    /** The property's name. */
    String value();
}
