package dev.ferrymq.cdi.sample;

import dev.ferrymq.admin.Brokers;
import dev.ferrymq.cdi.support.Cdi;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/** Runs the README's sample as an application would and checks what it prints. */
@Timeout(60)
class CdiSampleTest {

    @Test
    @DisplayName("The CDI sample sends with an injected JMSContext and receives in a listener method")
    void sampleRuns() throws Exception {
        assumeFalse(Cdi.openWebBeans(), "OpenWebBeans SE with discovery on scans the whole test class path (every test's beans)");
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            CdiSample.main(new String[0]);
        } finally {
            System.setOut(original);
            Brokers.stop("default");
        }
        assertThat(captured.toString(StandardCharsets.UTF_8).lines())
                .contains("Received order: 2 x espresso (priority 4)", "Received order: 1 x croissant (priority 1)",
                        "Container closed: listeners stopped, connections closed.");
    }
}
