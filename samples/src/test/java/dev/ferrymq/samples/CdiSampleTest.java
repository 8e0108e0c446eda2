package dev.ferrymq.samples;

import dev.ferrymq.samples.cdi.CdiSample;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(60)
class CdiSampleTest {

    @Test
    @DisplayName("12.4 Injection of JMSContext objects, and a listener method: the CDI sample's orders reach its listener on Weld SE")
    void ordersReachTheListenerMethod() throws Exception {
        Output output = new Output();
        CdiSample.run(List.of("2 x espresso", "1 x croissant"), output.stream());

        assertThat(output.text())
                .contains("Placed order: 2 x espresso", "Placed order: 1 x croissant")
                .contains("Received order: 2 x espresso (priority 2)", "Received order: 1 x croissant (priority 1)")
                .contains("Container closed: listeners stopped, connections closed.");
        assertThat(System.getProperty("ferrymq.url")).as("the sample restores ferrymq.url").isNull();
    }
}
