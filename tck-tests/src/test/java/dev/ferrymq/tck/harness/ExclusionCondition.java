package dev.ferrymq.tck.harness;

import java.lang.reflect.Method;
import java.util.Optional;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips a provider's run of a test listed for that provider in {@code exclusions.csv}, with the
 * recorded deviation as the skip reason. Stateless and thread-safe.
 */
public final class ExclusionCondition implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Optional<Object> instance = context.getTestInstance();
        Optional<Method> method = context.getTestMethod();
        if (instance.isEmpty() || method.isEmpty() || !(instance.get() instanceof JmsTestBase base)) {
            return ConditionEvaluationResult.enabled("not a provider test");
        }
        String testId = testId(context.getRequiredTestClass(), method.get());
        String caseName = context.getDisplayName();
        return Exclusions.get().find(testId, caseName, base.provider())
                .map(e -> ConditionEvaluationResult.disabled("excluded for " + e.provider() + " (" + e.section()
                        + "): " + e.behaviour()))
                .orElseGet(() -> ConditionEvaluationResult.enabled("not excluded"));
    }

    /** {@code SimpleClassName#method}, the id used in the exclusions file and the report. */
    public static String testId(Class<?> testClass, Method method) {
        return testClass.getSimpleName() + "#" + method.getName();
    }
}
