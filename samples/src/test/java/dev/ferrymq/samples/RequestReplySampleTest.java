package dev.ferrymq.samples;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(60)
class RequestReplySampleTest {

    @Test
    @DisplayName("Request/reply, JMSReplyTo, TemporaryQueue: every reply arrives on the requester's temporary queue, correlated to its request")
    void repliesCorrelate() throws Exception {
        Output output = new Output();
        int correlated = RequestReplySample.run(List.of("figs", "kiwis"), output.stream());

        assertThat(correlated).isEqualTo(2);
        assertThat(output.text())
                .containsPattern("requester: asked for the price of figs \\(ID:.+\\), reply to temp-queue-")
                .containsPattern("requester: reply \"figs: \\d+\\.\\d\\d\" correlates to the request for figs\n")
                .containsPattern("requester: reply \"kiwis: \\d+\\.\\d\\d\" correlates to the request for kiwis\n")
                .contains("requester: 2/2 replies correlated")
                .contains("requester: deleted its temporary queue")
                .doesNotContain("NOTHING SENT");
    }
}
