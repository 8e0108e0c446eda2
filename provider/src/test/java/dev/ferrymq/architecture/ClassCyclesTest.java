package dev.ferrymq.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No circle of dependencies among the classes of a package (issue #13, item 4): each class can be
 * read with only the classes below it in mind. A child that must reach its parent does so through
 * a small interface the parent implements, declared below both. Packages are added here as they
 * become free of circles.
 */
@Timeout(120)
class ClassCyclesTest {

    private static final JavaClasses PROVIDER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.ferrymq");

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev.ferrymq", "dev.ferrymq.admin", "dev.ferrymq.jndi", "dev.ferrymq.management",
            "dev.ferrymq.spi", "dev.ferrymq.spi.config", "dev.ferrymq.client", "dev.ferrymq.client.context",
            "dev.ferrymq.client.message", "dev.ferrymq.client.destination", "dev.ferrymq.client.util",
            "dev.ferrymq.engine", "dev.ferrymq.engine.admin", "dev.ferrymq.engine.destination",
            "dev.ferrymq.engine.exec", "dev.ferrymq.engine.management", "dev.ferrymq.engine.security",
            "dev.ferrymq.engine.connection", "dev.ferrymq.engine.persistence", "dev.ferrymq.engine.topic",
            "dev.ferrymq.store", "dev.ferrymq.store.file", "dev.ferrymq.store.journals"})
    @DisplayName("No circle of dependencies among a package's classes")
    void noCycles(String pkg) {
        List<Set<String>> cycles = ClassCycles.in(PROVIDER, pkg);
        assertThat(cycles)
                .as("circles among the classes of %s; edges: %s", pkg,
                        cycles.isEmpty() ? "" : ClassCycles.edgesWithin(PROVIDER, pkg, cycles.get(0)))
                .isEmpty();
    }

    /**
     * The queue's package: its parts, its public face ({@code MessageQueue}) and what flows through
     * them form no circle, but for one structure spread over two classes: a consumer's list of
     * outstanding deliveries is intrusive (each delivery is a node of its consumer's list and
     * knows its consumer). Entries know nothing of deliveries; deliveries and consumers reach
     * their queue through {@code QueueDelivery.Origin}; routing and limits name no queue class.
     */
    @Test
    @DisplayName("engine.queue: the only circle is a consumer and its outstanding deliveries")
    void queuePackage() {
        assertThat(ClassCycles.in(PROVIDER, "dev.ferrymq.engine.queue"))
                .as("circles among the classes of dev.ferrymq.engine.queue")
                .containsExactly(Set.of("QueueConsumer", "QueueDelivery"));
    }
}
