package dev.ferrymq.selector;

import static dev.ferrymq.selector.Selectors.compile;
import static dev.ferrymq.selector.Selectors.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("3.8.1.1 Message selector syntax: evaluation never fails, whatever the property types")
class SelectorEvaluationRobustnessTest {

    private static final Object[] VALUES = {
        null, true, false, (byte) -1, (short) 0, 0, 1, Integer.MIN_VALUE, Long.MIN_VALUE, Long.MAX_VALUE, -1L,
        0.0f, Float.NaN, 0.0d, -0.0d, Double.NaN, Double.POSITIVE_INFINITY, "", "x", "%", "\uD83D", 'c',
        BigDecimal.ONE, new Object()
    };

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "a = b", "a <> b", "a < b", "a >= b", "a + b = 1", "a - b > 0", "a * b < 1", "a / b = 1", "-a = b",
        "a BETWEEN b AND 1", "a NOT BETWEEN 0 AND b", "a IN ('x', '')", "a NOT LIKE '%_'", "a LIKE 'x'",
        "a IS NULL OR b IS NOT NULL", "a AND b", "NOT a OR b", "(a / b) / (b / a) = a"
    })
    @DisplayName("3.8.1.1 Message selector syntax: no combination of values makes matches() throw")
    void neverThrows(String selector) {
        Selector compiled = compile(selector);
        for (Object a : VALUES) {
            for (Object b : VALUES) {
                assertThatCode(() -> compiled.matches(values("a", a, "b", b)))
                        .as("%s with a=%s, b=%s", selector, a, b)
                        .doesNotThrowAnyException();
            }
        }
    }

    @Test
    @Timeout(30)
    @DisplayName("3.8.1.1 Message selector syntax: one compiled selector evaluates correctly from many threads")
    void sharedBetweenThreads() throws Exception {
        Selector selector = compile("n BETWEEN 10 AND 19 AND s LIKE 'k%' AND n * 2.0 > 19");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                results.add(pool.submit(() -> {
                    int matched = 0;
                    for (int i = 0; i < 100_000; i++) {
                        int n = i % 100;
                        if (selector.matches(values("n", n, "s", "key" + n))) {
                            matched++;
                        }
                    }
                    return matched;
                }));
            }
            for (Future<Integer> result : results) {
                assertThat(result.get(30, TimeUnit.SECONDS)).isEqualTo(10_000);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
