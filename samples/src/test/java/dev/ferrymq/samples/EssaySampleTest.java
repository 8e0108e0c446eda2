package dev.ferrymq.samples;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(60)
class EssaySampleTest {

    @Test
    @DisplayName("6.2.10 Message acknowledgment (CLIENT_ACKNOWLEDGE, asynchronous receipt): every message is acknowledged; the one left unacknowledged comes back after ackTimeout; the figures are printed")
    void essayRunsAndRetransmits() throws Exception {
        Output output = new Output();
        EssayFigures figures = EssaySample.run(new EssaySample.Settings(3, 800, 200, 2), output.stream());
        String text = output.text();

        assertThat(text).contains("sender:   sent #1", "sender:   sent #3")
                .contains("receiver: got #2 \"Hello, World!\" (delivery 1), NOT acknowledging it")
                .contains("receiver: acknowledged 3/3")
                .contains("p  reliability acknowledged / (acknowledged + dead-lettered + expired) = 3 / (3 + 0 + 0) = 1.000");
        Matcher redelivered = Pattern.compile("receiver: got #2 \"Hello, World!\" \\(delivery 2, redelivered after (\\d+) ms\\), acknowledged")
                .matcher(text);
        assertThat(redelivered.find()).as(text).isTrue();
        // the broker counts the timeout from its hand-over to the consumer, before the listener runs
        // (on a loaded machine, tens of milliseconds before): a lower bound with room for that
        assertThat(Long.parseLong(redelivered.group(1))).isGreaterThanOrEqualTo(100);
        assertThat(text).containsPattern("broker: .*acknowledgement timeout");
        for (int seq : new int[] {1, 3}) {
            assertThat(text).contains("receiver: got #" + seq + " \"Hello, World!\" (delivery 1), acknowledged");
        }
        assertThat(text).containsPattern("n  queue length .*: mean \\d+\\.\\d\\d, max [12]\n")
                .containsPattern("t  processing time .*: mean \\d+\\.\\d{3} ms")
                .containsPattern("u  acknowledgement time .*: mean \\d+\\.\\d{3} ms")
                .containsPattern("v  retransmission time .*: mean \\d+\\.\\d ms, max \\d+\\.\\d ms \\(1 retransmission\\)");
        assertThat(figures.retransmissions()).isEqualTo(1);
        assertThat(figures.acknowledgedCount()).isEqualTo(3);
    }

    @Test
    @DisplayName("Without an unacknowledged message nothing is retransmitted")
    void noRetransmissionWhenAllAcknowledged() throws Exception {
        Output output = new Output();
        EssayFigures figures = EssaySample.run(new EssaySample.Settings(2, 100, 50, 0), output.stream());
        assertThat(figures.retransmissions()).isZero();
        assertThat(output.text()).contains("receiver: acknowledged 2/2").doesNotContain("redelivered after");
    }

    @Test
    @DisplayName("An ackTimeout longer than half the period is refused, naming both")
    void refusesTimeoutThatWouldRace() {
        assertThatThrownBy(() -> new EssaySample.Settings(3, 100, 80, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ackTimeout (80 ms)").hasMessageContaining("period (100 ms)");
    }
}
