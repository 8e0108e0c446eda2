package dev.ferrymq.samples;

import jakarta.jms.JMSException;
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
        EssaySample.Result result = EssaySample.run(new EssaySample.Settings(3, 800, 200, 2), output.stream());
        EssayFigures figures = result.sample();
        String text = output.text();

        assertThat(text).contains("sender:   sent #1", "sender:   sent #3")
                .contains("receiver: got #2 \"Hello, World!\" (delivery 1), NOT acknowledging it")
                .contains("receiver: acknowledged 3/3");
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
        String sample = text.substring(text.indexOf("figures measured by the sample (client side):"));
        assertThat(sample).containsPattern("n  queue length .*: mean \\d+\\.\\d\\d, max [12]\n")
                .containsPattern("t  processing time .*: mean \\d+\\.\\d{3} ms")
                .containsPattern("u  acknowledgement time .*: mean \\d+\\.\\d{3} ms")
                .containsPattern("v  retransmission time .*: mean \\d+\\.\\d ms, max \\d+\\.\\d ms \\(1 retransmission\\)")
                .doesNotContain("p  reliability");
        assertThat(figures.retransmissions()).isEqualTo(1);
        assertThat(figures.acknowledgedCount()).isEqualTo(3);
    }

    @Test
    @DisplayName("The broker's own figures of queue hello, read from its MBean in the platform MBean server, are printed and agree with what happened")
    void brokersFiguresFromItsMBean() throws Exception {
        Output output = new Output();
        EssaySample.Result result = EssaySample.run(new EssaySample.Settings(3, 800, 200, 2), output.stream());
        String text = output.text();
        BrokerFigures broker = result.broker();

        assertThat(broker.name()).hasToString(
                "dev.ferrymq:type=Broker,name=samples-essay,destinationType=Queue,destination=hello");
        assertThat(text).contains("figures from the broker (MBean " + broker.name() + "):");
        assertThat(text.indexOf("figures from the broker")).as(text)
                .isLessThan(text.indexOf("figures measured by the sample"));
        // 3 sent, 3 acknowledged for good; message #2 came back once after ackTimeout, at once
        assertThat(broker.count(BrokerFigures.ENQUEUED)).isEqualTo(3);
        assertThat(broker.count(BrokerFigures.ACKNOWLEDGED)).isEqualTo(3);
        assertThat(broker.count(BrokerFigures.REDELIVERED)).isGreaterThanOrEqualTo(1);
        assertThat(broker.count(BrokerFigures.DELIVERED)).isEqualTo(3 + broker.count(BrokerFigures.REDELIVERED));
        assertThat(broker.count(BrokerFigures.DEPTH)).isZero();
        assertThat(broker.count(BrokerFigures.DEAD_LETTERED)).isZero();
        assertThat(broker.count(BrokerFigures.EXPIRED)).isZero();
        assertThat(broker.reliability()).isEqualTo(1.0);
        assertThat(broker.count(BrokerFigures.T_COUNT)).isEqualTo(3);
        assertThat(broker.millis(BrokerFigures.T_MAX)).isGreaterThan(0).isGreaterThanOrEqualTo(broker.millis(BrokerFigures.T_MEAN));
        assertThat(broker.count(BrokerFigures.V_COUNT)).isEqualTo(broker.count(BrokerFigures.REDELIVERED));
        assertThat(text).contains("  n  queue length (Depth) now: 0; enqueued 3, delivered "
                        + broker.count(BrokerFigures.DELIVERED) + ", acknowledged 3, redelivered " + broker.count(BrokerFigures.REDELIVERED))
                .containsPattern("  t  processing time \\(delivery to acknowledgement reaching the queue\\): mean \\d+\\.\\d{3} ms, max \\d+\\.\\d{3} ms \\(3 measured\\)")
                .containsPattern("  u  acknowledgement time .*: mean \\d+\\.\\d{3} ms, max \\d+\\.\\d{3} ms \\(\\d+ measured\\)")
                .containsPattern("  v  retransmission time \\(redelivery delay applied; 0 when at once\\): mean \\d+\\.\\d ms, max \\d+\\.\\d ms \\(\\d+ retransmissions?\\)")
                .contains("  p  reliability acknowledged / (acknowledged + dead-lettered + expired) = 3 / (3 + 0 + 0) = 1.000");
    }

    @Test
    @DisplayName("The broker's figures are read while it runs: once it is stopped its MBean is gone, and reading says so")
    void brokersFiguresNeedTheRunningBroker() {
        assertThatThrownBy(() -> BrokerFigures.read(EssaySample.BROKER, EssaySample.QUEUE))
                .isInstanceOf(JMSException.class)
                .hasMessageContaining("dev.ferrymq:type=Broker,name=samples-essay,destinationType=Queue,destination=hello")
                .hasMessageContaining("jmx=true");
    }

    @Test
    @DisplayName("Without an unacknowledged message nothing is retransmitted")
    void noRetransmissionWhenAllAcknowledged() throws Exception {
        Output output = new Output();
        EssaySample.Result result = EssaySample.run(new EssaySample.Settings(2, 100, 50, 0), output.stream());
        assertThat(result.sample().retransmissions()).isZero();
        assertThat(result.broker().count(BrokerFigures.REDELIVERED)).isZero();
        assertThat(result.broker().count(BrokerFigures.ACKNOWLEDGED)).isEqualTo(2);
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
