package dev.ferrymq.tck.harness;

import java.lang.reflect.Method;
import java.util.Optional;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Collects each provider test's outcome with its {@link SpecSection} and writes the compatibility
 * report ({@code target/compat-report/index.html} and {@code index.md}) when the test plan ends.
 * Registered through {@code META-INF/services/org.junit.platform.launcher.TestExecutionListener}.
 *
 * <p>Thread-safe: results go to the synchronized {@link CompatResults}; the plan reference is only
 * written by the launcher thread that starts the plan.
 */
public final class CompatReportListener implements TestExecutionListener {

    private volatile TestPlan plan;

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        plan = testPlan;
    }

    @Override
    public void executionSkipped(TestIdentifier id, String reason) {
        record(id, CompatResults.Outcome.SKIPPED, reason);
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        CompatResults.Outcome outcome = switch (result.getStatus()) {
            case SUCCESSFUL -> CompatResults.Outcome.PASSED;
            case ABORTED -> CompatResults.Outcome.SKIPPED;
            case FAILED -> CompatResults.Outcome.FAILED;
        };
        String detail = result.getThrowable().map(t -> t.getClass().getSimpleName() + ": " + t.getMessage()).orElse("");
        record(id, outcome, detail);
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        CompatResults.get().writeReport();
    }

    private void record(TestIdentifier id, CompatResults.Outcome outcome, String detail) {
        if (!id.isTest() || plan == null) {
            return;
        }
        Optional<MethodSource> source = id.getSource().filter(MethodSource.class::isInstance).map(MethodSource.class::cast);
        Optional<String> provider = providerOf(id);
        if (source.isEmpty() || provider.isEmpty()) {
            return;
        }
        Class<?> testClass = source.get().getJavaClass();
        Method method = source.get().getJavaMethod();
        String section = sectionOf(testClass, method);
        String testId = testClass.getSimpleName() + "#" + method.getName();
        boolean isCase = id.getUniqueIdObject().getLastSegment().getType().equals("test-template-invocation");
        String caseName = isCase ? id.getDisplayName() : null;
        CompatResults.get().add(new CompatResults.Result(section, testId, caseName, provider.get(), outcome, detail));
    }

    private Optional<String> providerOf(TestIdentifier id) {
        for (UniqueId.Segment segment : id.getUniqueIdObject().getSegments()) {
            if (segment.getType().equals("class-template-invocation")) {
                Optional<TestIdentifier> cur = Optional.of(id);
                while (cur.isPresent()) {
                    TestIdentifier t = cur.get();
                    if (t.getUniqueIdObject().getLastSegment().getType().equals("class-template-invocation")) {
                        return Optional.of(t.getDisplayName());
                    }
                    cur = plan.getParent(t);
                }
            }
        }
        return Optional.empty();
    }

    static String sectionOf(Class<?> testClass, Method method) {
        SpecSection onMethod = method.getAnnotation(SpecSection.class);
        if (onMethod != null) {
            return onMethod.value();
        }
        for (Class<?> c = testClass; c != null; c = c.getEnclosingClass()) {
            SpecSection onClass = c.getAnnotation(SpecSection.class);
            if (onClass != null) {
                return onClass.value();
            }
        }
        return "(no section)";
    }
}
