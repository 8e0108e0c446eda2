package dev.ferrymq.samples;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(60)
class TransactedPipelineSampleTest {

    @Test
    @DisplayName("Transactions (local): a rolled-back step discards its sent output and redelivers its input; the retry commits; each output exactly once")
    void rollbackDiscardsOutputAndRedeliversInput() throws Exception {
        Output output = new Output();
        List<String> result = TransactedPipelineSample.run(4, 3, output.stream());

        assertThat(result).containsExactly("ORDER-1", "ORDER-2", "ORDER-3", "ORDER-4");
        assertThat(output.text())
                .contains("step: received \"order-3\", sent \"ORDER-3\", then the inventory check timed out -> rollback")
                .contains("after the rollback orders.out holds [ORDER-1, ORDER-2]: the sent \"ORDER-3\" was discarded")
                .contains("step: received \"order-3\" (JMSRedelivered=true), sent \"ORDER-3\", commit")
                .contains("orders.out holds [ORDER-1, ORDER-2, ORDER-3, ORDER-4] (4/4, each once); orders.in holds 0");
    }

    @Test
    @DisplayName("Transactions (local): without a failure every step commits once")
    void noFailure() throws Exception {
        Output output = new Output();
        assertThat(TransactedPipelineSample.run(2, 0, output.stream())).containsExactly("ORDER-1", "ORDER-2");
        assertThat(output.text()).doesNotContain("rollback");
    }
}
