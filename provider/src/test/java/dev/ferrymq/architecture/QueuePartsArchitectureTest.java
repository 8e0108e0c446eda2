package dev.ferrymq.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;

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
                        return PARTS.contains(ClassCycles.topLevel(c, PACKAGE));
                    }
                })
                .should().dependOnClassesThat().haveFullyQualifiedName(PACKAGE + "MessageQueue")
                .because("they are given the QueueState and the collaborators they call")
                .check(QUEUE);
    }

    @Test
    @DisplayName("No circle of dependencies among the queue's collaborators")
    void partsFormNoCycle() {
        assertThat(ClassCycles.in(QUEUE, "dev.ferrymq.engine.queue", PARTS::contains))
                .as("circles of dependencies among the queue's parts").isEmpty();
    }
}
