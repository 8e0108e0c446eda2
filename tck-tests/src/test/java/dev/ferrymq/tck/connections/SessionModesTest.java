package dev.ferrymq.tck.connections;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.Connection;
import jakarta.jms.Session;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.ferrymq.tck.harness.JmsTestBase;
import dev.ferrymq.tck.harness.SpecSection;

/** 6.2 Sessions: the session modes Connection.createSession creates. */
@SpecSection("6.2 Sessions")
class SessionModesTest extends JmsTestBase {

    @ParameterizedTest(name = "createSession({0}, {1}) -> transacted={2}, mode={3}")
    @CsvSource({
        "false, 1, false, 1",
        "false, 2, false, 2",
        "false, 3, false, 3",
        "true, 1, true, 0",
        "true, 0, true, 0"})
    void createSessionWithTransactedAndMode(boolean transacted, int mode, boolean expectTx, int expectMode) throws Exception {
        Session s = connection().createSession(transacted, mode);
        assertThat(s.getTransacted()).isEqualTo(expectTx);
        assertThat(s.getAcknowledgeMode()).isEqualTo(expectMode);
    }

    @ParameterizedTest(name = "createSession({0}) -> transacted={1}")
    @CsvSource({"1, false", "2, false", "3, false", "0, true"})
    void createSessionWithMode(int mode, boolean expectTx) throws Exception {
        Session s = connection().createSession(mode);
        assertThat(s.getTransacted()).isEqualTo(expectTx);
        assertThat(s.getAcknowledgeMode()).isEqualTo(mode);
    }

    @ParameterizedTest(name = "createSession() #{0}")
    @CsvSource({"1"})
    void createSessionDefaultIsAutoAcknowledge(int ignored) throws Exception {
        Connection c = connection();
        Session s = c.createSession();
        assertThat(s.getTransacted()).isFalse();
        assertThat(s.getAcknowledgeMode()).isEqualTo(Session.AUTO_ACKNOWLEDGE);
    }
}
