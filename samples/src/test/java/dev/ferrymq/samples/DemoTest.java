package dev.ferrymq.samples;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(60)
class DemoTest {

    @Test
    @DisplayName("The demo prints the menu, then runs the samples named, each between banners")
    void runsTheNamedSamples() throws Exception {
        Output output = new Output();
        Demo.run(new String[] {"hello,transacted", "request-reply"}, output.stream());
        String text = output.text();

        assertThat(text).startsWith("FerryMQ demo: 3 samples on the embedded broker (run one with -Ddemo=<name>):\n");
        for (String name : Demo.MENU.keySet()) {
            assertThat(text).contains("\n  " + name + " ");
        }
        assertThat(text).contains("=== hello: ", "Received: Hello, FerryMQ")
                .contains("=== transacted: ", "(3/3, each once)")
                .contains("=== request-reply: ", "requester: 3/3 replies correlated")
                .doesNotContain("=== essay: ");
        assertThat(text.indexOf("=== transacted done")).isLessThan(text.indexOf("=== request-reply: "));
    }

    @Test
    @DisplayName("No name, or 'all', selects every sample in menu order; an unknown name is refused, listing the known ones")
    void selection() {
        assertThat(Demo.select(new String[0])).containsExactlyElementsOf(Demo.MENU.keySet());
        assertThat(Demo.select(new String[] {"all"})).containsExactlyElementsOf(Demo.MENU.keySet());
        assertThat(Demo.MENU.keySet()).contains("essay", "dead-letter", "durable", "request-reply", "transacted",
                "persistence");
        assertThatThrownBy(() -> Demo.select(new String[] {"essay,nope"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no sample named 'nope'").hasMessageContaining("essay");
    }
}
