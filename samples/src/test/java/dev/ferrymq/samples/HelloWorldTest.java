package dev.ferrymq.samples;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

class HelloWorldTest {

    @Test
    @Timeout(30)
    @DisplayName("The README hello world sends and receives through JNDI on vm://default")
    void helloWorldRoundTrip() throws Exception {
        assertThat(HelloWorld.run("hi there")).isEqualTo("Received: hi there");
    }
}
