package dev.ferrymq.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The README's arrows, checked on the provider's classes: the JMS facade ({@code dev.ferrymq},
 * {@code dev.ferrymq.client..}, {@code dev.ferrymq.jndi}) reaches the engine only through the SPI;
 * the SPI, engine, store and selector never import {@code jakarta.jms}; the store knows nothing
 * above it; and no package depends, through any path, on itself.
 */
@Timeout(120)
class ArchitectureTest {

    private static final JavaClasses PROVIDER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.ferrymq");

    private static final String[] FACADE = {"dev.ferrymq", "dev.ferrymq.client..", "dev.ferrymq.jndi.."};

    static final ArchRule noPackageCycles = slices().matching("dev.ferrymq.(**)").should().beFreeOfCycles()
            .because("every package sits below the packages that use it");

    static final ArchRule facadeReachesTheEngineOnlyThroughTheSpi = noClasses().that().resideInAnyPackage(FACADE)
            .should().dependOnClassesThat().resideInAnyPackage("dev.ferrymq.engine..", "dev.ferrymq.store..")
            .because("the JMS facade is a thin adapter over dev.ferrymq.spi; engines are found by URL scheme");

    static final ArchRule noJmsBelowTheFacade = noClasses()
            .that().resideInAnyPackage("dev.ferrymq.spi..", "dev.ferrymq.engine..", "dev.ferrymq.store..",
                    "dev.ferrymq.selector..")
            .should().dependOnClassesThat().resideInAPackage("jakarta.jms..")
            .because("the engine never imports jakarta.jms; each EngineException kind names its JMS twin");

    static final ArchRule spiDependsOnNoImplementation = noClasses().that().resideInAPackage("dev.ferrymq.spi..")
            .should().dependOnClassesThat().resideInAnyPackage(FACADE)
            .orShould().dependOnClassesThat().resideInAnyPackage("dev.ferrymq.engine..", "dev.ferrymq.store..")
            .because("a second engine implements the same SPI");

    static final ArchRule engineDoesNotKnowTheFacade = noClasses().that().resideInAPackage("dev.ferrymq.engine..")
            .should().dependOnClassesThat().resideInAnyPackage(FACADE);

    static final ArchRule storeKnowsNothingAboveIt = noClasses().that().resideInAPackage("dev.ferrymq.store..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.ferrymq.engine..", "dev.ferrymq.selector..")
            .orShould().dependOnClassesThat().resideInAnyPackage(FACADE)
            .because("the journal stores records; what they mean is the engine's");

    static final ArchRule selectorIsSelfContained = noClasses().that().resideInAPackage("dev.ferrymq.selector..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.ferrymq.spi..", "dev.ferrymq.engine..",
                    "dev.ferrymq.store..")
            .orShould().dependOnClassesThat().resideInAnyPackage(FACADE);

    static Stream<ArchRule> rules() {
        return Stream.of(noPackageCycles, facadeReachesTheEngineOnlyThroughTheSpi, noJmsBelowTheFacade,
                spiDependsOnNoImplementation, engineDoesNotKnowTheFacade, storeKnowsNothingAboveIt,
                selectorIsSelfContained);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    @DisplayName("The provider's packages follow the README's dependency arrows")
    void holds(ArchRule rule) {
        rule.check(PROVIDER);
    }
}
