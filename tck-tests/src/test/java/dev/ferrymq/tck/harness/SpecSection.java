package dev.ferrymq.tck.harness;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The section of the Jakarta Messaging 3.1 specification (number and title, e.g.
 * {@code "3.8.1.1 Message selector syntax"}) or the API javadoc (e.g.
 * {@code "Javadoc Session.close"}) a test checks. On a method it overrides the class's section.
 * The compatibility report groups results by this value.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface SpecSection {

    /** Section number and title, e.g. {@code "3.4.11 How message header values are set"}. */
    String value();
}
