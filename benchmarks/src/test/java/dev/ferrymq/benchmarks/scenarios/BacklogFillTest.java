package dev.ferrymq.benchmarks.scenarios;

import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TransactionRolledBackException;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The send phase of the backlog curve (issue #15) against a fake transacted session: what it counts
 * as committed and what it reports when the provider refuses a transaction (a memory limit).
 */
@Timeout(10)
class BacklogFillTest {

    private final List<String> calls = new ArrayList<>();
    private int sends;
    private int commits;

    @Test
    @DisplayName("Issue #15 cost curves, backlog: without a refusal the fill commits the whole backlog in "
            + "transactions of the given size")
    void fillsTheBacklog() throws JMSException {
        BacklogFill.Outcome outcome = BacklogFill.run(session(Integer.MAX_VALUE), producer(), 5_000, 1_000);

        assertThat(outcome.committed()).isEqualTo(5_000);
        assertThat(outcome.failure()).isNull();
        assertThat(sends).isEqualTo(5_000);
        assertThat(commits).isEqualTo(5);
        assertThat(outcome.describe()).contains("all 5,000 messages committed").contains("msg/s, last tenth");
    }

    @Test
    @DisplayName("Issue #15 cost curves, backlog: a refused commit ends the fill, rolls back, and says what the "
            + "producer saw; only committed messages count")
    void stopsAtTheFirstRefusal() throws JMSException {
        BacklogFill.Outcome outcome = BacklogFill.run(session(3), producer(), 10_000, 1_000);

        assertThat(outcome.committed()).isEqualTo(2_000);
        assertThat(outcome.failure()).isInstanceOf(TransactionRolledBackException.class);
        assertThat(calls).containsExactly("commit", "commit", "commit", "rollback");
        assertThat(outcome.failedNanos()).isPositive();
        assertThat(outcome.describe()).contains("after 2,000 committed messages")
                .contains("TransactionRolledBackException").contains("queue full");
    }

    /** A transacted session whose {@code failingCommit}-th commit (1-based) is refused. */
    private Session session(int failingCommit) {
        BytesMessage message = (BytesMessage) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {BytesMessage.class}, (proxy, method, args) -> null);
        return (Session) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Session.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "createBytesMessage" -> message;
                    case "commit" -> {
                        calls.add("commit");
                        if (++commits == failingCommit) {
                            throw new TransactionRolledBackException("queue full (fake)");
                        }
                        yield null;
                    }
                    case "rollback" -> {
                        calls.add("rollback");
                        yield null;
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private MessageProducer producer() {
        return (MessageProducer) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {MessageProducer.class}, (proxy, method, args) -> {
                    if (method.getName().equals("send")) {
                        sends++;
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
