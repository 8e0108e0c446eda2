package dev.ferrymq.cdi.inject;

import jakarta.enterprise.inject.spi.AnnotatedField;
import jakarta.enterprise.inject.spi.AnnotatedParameter;
import jakarta.enterprise.inject.spi.InjectionPoint;

/** Names injection points in messages: {@code com.acme.Orders.context} or {@code com.acme.Orders.send(parameter 0)}. */
public final class InjectionPoints {

    private InjectionPoints() {
    }

    public static String describe(InjectionPoint injectionPoint) {
        if (injectionPoint.getAnnotated() instanceof AnnotatedField<?> field) {
            return field.getJavaMember().getDeclaringClass().getName() + "." + field.getJavaMember().getName();
        }
        if (injectionPoint.getAnnotated() instanceof AnnotatedParameter<?> parameter) {
            var member = parameter.getDeclaringCallable().getJavaMember();
            return member.getDeclaringClass().getName() + "." + member.getName() + "(parameter " + parameter.getPosition() + ")";
        }
        return String.valueOf(injectionPoint);
    }
}
