package dev.ferrymq.fuzz;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CI sample of the fuzz run (the full run of a million inputs and more is
 * {@code benchmarks}' {@code FuzzMain}): 20,000 seeded inputs over the four targets, each input
 * bounded by a 2 s timeout; only the documented outcomes, no other exception, no hang.
 */
@Timeout(120)
class FuzzSampleTest {

    private static final long SEED = 20261206L;
    private static final long TIMEOUT_MILLIS = 2000;

    private static void check(String name, FuzzRun.Target target, long count) throws InterruptedException {
        FuzzRun.Report report = FuzzRun.run(name, target, SEED, count, TIMEOUT_MILLIS);
        assertThat(report.ok()).as("%s", report).isTrue();
        assertThat(report.inputs()).isEqualTo(count);
    }

    @Test
    @DisplayName("3.8.1.1: 8,000 generated selectors parse or throw SelectorSyntaxException; parsed ones evaluate without throwing")
    void selectors() throws Exception {
        check("selector", Targets.SELECTOR, 8000);
    }

    @Test
    @DisplayName("6,000 random and mutated journal records decode or throw IllegalArgumentException (MessageCodec's documented exception)")
    void codec() throws Exception {
        check("codec", Targets.CODEC, 6000);
    }

    @Test
    @DisplayName("3.11.3/3.11.4 (conversion tables): 4,000 random reads of stream, map and bytes bodies and properties throw only what the specification names")
    void bodyReaders() throws Exception {
        check("body readers", Targets.BODY_READERS, 4000);
    }

    @Test
    @DisplayName("3.5.1: 2,000 generated property names are accepted exactly when they are selector identifiers, else IllegalArgumentException")
    void propertyNames() throws Exception {
        check("property names", Targets.PROPERTY_NAMES, 2000);
    }
}
