package dev.ferrymq.architecture;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The parts of one queue ({@code dev.ferrymq.engine.queue}): its collaborators share a
 * {@code QueueState} and change it through its intent methods; none of them reaches back into
 * {@code MessageQueue} (the public face that wires them), and no two of them depend on each
 * other in a circle (settlement sits below dispatch and is called back through small interfaces).
 */
@Timeout(120)
class QueuePartsArchitectureTest {

    private static final String PACKAGE = "dev.ferrymq.engine.queue.";
    private static final List<String> PARTS = List.of("QueueState", "Dispatch", "Settlement", "Redeliveries",
            "LocalRedelivery", "Deletion", "QueueScans", "DeliveryMarks", "QueueMeters", "ConsumerSet");

    private static final JavaClasses QUEUE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.ferrymq.engine.queue");

    @Test
    @DisplayName("The queue's collaborators never depend on MessageQueue")
    void partsDoNotReachIntoTheQueue() {
        noClasses().that(new com.tngtech.archunit.base.DescribedPredicate<JavaClass>("a part of a queue") {
                    @Override
                    public boolean test(JavaClass c) {
                        return PARTS.contains(topLevel(c));
                    }
                })
                .should().dependOnClassesThat().haveFullyQualifiedName(PACKAGE + "MessageQueue")
                .because("they are given the QueueState and the collaborators they call")
                .check(QUEUE);
    }

    @Test
    @DisplayName("No circle of dependencies among the queue's collaborators")
    void partsFormNoCycle() {
        Map<String, Set<String>> edges = new HashMap<>();
        for (JavaClass c : QUEUE) {
            String from = topLevel(c);
            if (!PARTS.contains(from)) {
                continue;
            }
            for (Dependency d : c.getDirectDependenciesFromSelf()) {
                String to = topLevel(d.getTargetClass());
                if (PARTS.contains(to) && !to.equals(from)) {
                    edges.computeIfAbsent(from, k -> new HashSet<>()).add(to);
                }
            }
        }
        List<String> cycle = findCycle(edges);
        assertThat(cycle).as("a circle of dependencies among the queue's parts (%s)", edges).isEmpty();
    }

    /** The simple name of {@code c}'s top-level class, for classes of the queue package; "" otherwise. */
    private static String topLevel(JavaClass c) {
        String name = c.getName();
        if (!name.startsWith(PACKAGE)) {
            return "";
        }
        String simple = name.substring(PACKAGE.length());
        int nested = simple.indexOf('$');
        return nested < 0 ? simple : simple.substring(0, nested);
    }

    /** A cycle in {@code edges} (as the list of its nodes), or an empty list. */
    private static List<String> findCycle(Map<String, Set<String>> edges) {
        Set<String> done = new HashSet<>();
        for (String start : edges.keySet()) {
            List<String> path = new ArrayList<>();
            if (visit(start, edges, path, new HashSet<>(), done)) {
                return path;
            }
        }
        return List.of();
    }

    private static boolean visit(String node, Map<String, Set<String>> edges, List<String> path, Set<String> onPath,
                                 Set<String> done) {
        if (onPath.contains(node)) {
            path.add(node);
            return true;
        }
        if (!done.add(node)) {
            return false;
        }
        onPath.add(node);
        path.add(node);
        for (String next : edges.getOrDefault(node, Set.of())) {
            if (visit(next, edges, path, onPath, done)) {
                return true;
            }
        }
        path.remove(path.size() - 1);
        onPath.remove(node);
        return false;
    }
}
