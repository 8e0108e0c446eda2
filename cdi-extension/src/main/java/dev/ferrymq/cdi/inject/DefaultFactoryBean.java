package dev.ferrymq.cdi.inject;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.inject.Qualifier;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the extension's own synthetic default {@code ConnectionFactory} bean (next to
 * {@code @Default}), so that {@link ConnectionFactoryResolver} never mistakes it for the
 * application's. Internal.
 */
@Qualifier
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.FIELD, ElementType.PARAMETER})
public @interface DefaultFactoryBean {

    /** The literal. */
    final class Literal extends AnnotationLiteral<DefaultFactoryBean> implements DefaultFactoryBean {
        public static final Literal INSTANCE = new Literal();
        private static final long serialVersionUID = 1L;
    }
}
