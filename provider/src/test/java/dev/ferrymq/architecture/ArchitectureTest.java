package dev.ferrymq.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import dev.ferrymq.FerryConnectionFactory;
import dev.ferrymq.admin.LeakyApiFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The README's arrows, checked on the provider's classes: the JMS facade ({@code dev.ferrymq},
 * {@code dev.ferrymq.client..}, {@code dev.ferrymq.jndi}) reaches the engine only through the SPI;
 * the SPI, engine, store and selector never import {@code jakarta.jms}; the store knows nothing
 * above it; and no package depends, through any path, on itself. The admin package sits on top (it
 * reaches into the engine; nothing reaches into it). The exported packages ({@link #EXPORTED}, the
 * same list as module-info's) name no type of an unexported FerryMQ package in their public API.
 */
@Timeout(120)
class ArchitectureTest {

    private static final JavaClasses PROVIDER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.ferrymq");

    /** The packages module-info exports to everyone: the API. Every other package is implementation. */
    static final Set<String> EXPORTED = Set.of("dev.ferrymq", "dev.ferrymq.jndi", "dev.ferrymq.admin",
            "dev.ferrymq.management", "dev.ferrymq.spi", "dev.ferrymq.spi.config", "dev.ferrymq.selector");

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

    static final ArchRule nothingDependsOnTheAdminPackage = noClasses().that()
            .resideOutsideOfPackage("dev.ferrymq.admin")
            .should().dependOnClassesThat().resideInAPackage("dev.ferrymq.admin")
            .because("dev.ferrymq.admin is the users' entry to the vm engine, on top of it");

    static final ArchRule exportedApiNamesOnlyExportedTypes = classes().that(areVisibleOutsideTheModule())
            .should(nameOnlyExportedFerryMqTypes())
            .because("a user of the module cannot reach an unexported package: an exported signature naming one of "
                    + "its types leaks the implementation (module-info exports only " + EXPORTED + ")");

    static Stream<ArchRule> rules() {
        return Stream.of(noPackageCycles, facadeReachesTheEngineOnlyThroughTheSpi, noJmsBelowTheFacade,
                spiDependsOnNoImplementation, engineDoesNotKnowTheFacade, storeKnowsNothingAboveIt,
                selectorIsSelfContained, nothingDependsOnTheAdminPackage, exportedApiNamesOnlyExportedTypes);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    @DisplayName("The provider's packages follow the README's dependency arrows")
    void holds(ArchRule rule) {
        rule.check(PROVIDER);
    }

    @Test
    @DisplayName("module-info exports exactly the packages this test treats as the API")
    void moduleInfoExportsTheApi() throws URISyntaxException {
        Path classes = Path.of(FerryConnectionFactory.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        ModuleDescriptor module = ModuleFinder.of(classes).find("dev.ferrymq").orElseThrow().descriptor();
        Set<String> toEveryone = module.exports().stream().filter(e -> !e.isQualified())
                .map(ModuleDescriptor.Exports::source).collect(Collectors.toSet());
        assertThat(toEveryone).isEqualTo(EXPORTED);
        assertThat(PROVIDER.stream().map(JavaClass::getPackageName).collect(Collectors.toSet()))
                .as("every exported package exists").containsAll(EXPORTED);
    }

    @Test
    @DisplayName("The exported-API rule refuses a public admin method returning the engine's Broker")
    void exportedApiRuleCatchesALeak() {
        JavaClasses leaky = new ClassFileImporter().importClasses(LeakyApiFixture.class);
        assertThatThrownBy(() -> exportedApiNamesOnlyExportedTypes.check(leaky))
                .isInstanceOf(AssertionError.class).hasMessageContaining("dev.ferrymq.engine.Broker")
                .hasMessageContaining("LeakyApiFixture.leak(java.lang.String)");
    }

    /** Public classes (and public or protected nested classes of those) of an exported package. */
    private static DescribedPredicate<JavaClass> areVisibleOutsideTheModule() {
        return DescribedPredicate.describe("are visible outside the module", ArchitectureTest::visibleOutside);
    }

    private static boolean visibleOutside(JavaClass c) {
        if (!EXPORTED.contains(c.getPackageName()) || c.isAnonymousClass() || c.isLocalClass()) {
            return false;
        }
        boolean accessible = c.getModifiers().contains(JavaModifier.PUBLIC)
                || (c.isNestedClass() && c.getModifiers().contains(JavaModifier.PROTECTED));
        return accessible && c.getEnclosingClass().map(ArchitectureTest::visibleOutside).orElse(true);
    }

    private static boolean visibleOutside(JavaMember m) {
        return m.getModifiers().contains(JavaModifier.PUBLIC) || m.getModifiers().contains(JavaModifier.PROTECTED);
    }

    /**
     * Supertypes, type parameter bounds, and the types (generic arguments included) of public and
     * protected fields, constructors and methods (parameters, return, throws) name only JDK, third
     * party and exported FerryMQ types.
     */
    private static ArchCondition<JavaClass> nameOnlyExportedFerryMqTypes() {
        return new ArchCondition<>("name only types of exported packages in their public API") {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                List<JavaType> supertypes = new ArrayList<>(c.getInterfaces());
                c.getSuperclass().ifPresent(supertypes::add);
                supertypes.addAll(c.getTypeParameters());
                report(events, c, "class " + c.getName() + " (supertypes, type parameters)", supertypes);
                for (JavaField f : c.getFields()) {
                    if (visibleOutside(f)) {
                        report(events, c, "field " + f.getFullName(), List.of(f.getType()));
                    }
                }
                for (JavaCodeUnit u : c.getCodeUnits()) {
                    if (visibleOutside(u) && !u.getModifiers().contains(JavaModifier.SYNTHETIC)) {
                        List<JavaType> types = new ArrayList<>(u.getParameterTypes());
                        types.add(u.getReturnType());
                        types.addAll(u.getTypeParameters());
                        types.addAll(u.getThrowsClause().getTypes());
                        report(events, c, u.getFullName(), types);
                    }
                }
            }
        };
    }

    private static void report(ConditionEvents events, JavaClass owner, String where, List<? extends JavaType> types) {
        Set<String> leaked = new LinkedHashSet<>();
        for (JavaType t : types) {
            for (JavaClass raw : t.getAllInvolvedRawTypes()) {
                String pkg = raw.getBaseComponentType().getPackageName();
                boolean ferryMq = pkg.equals("dev.ferrymq") || pkg.startsWith("dev.ferrymq.");
                if (ferryMq && !EXPORTED.contains(pkg)) {
                    leaked.add(raw.getBaseComponentType().getName());
                }
            }
        }
        if (!leaked.isEmpty()) {
            events.add(SimpleConditionEvent.violated(owner, where + " names unexported " + leaked));
        }
    }
}
