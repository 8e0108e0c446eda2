package dev.ferrymq.tck.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicLong;

import javax.naming.Context;
import javax.naming.NamingException;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.Topic;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Base of every compatibility test class: the class runs once per selected {@link Provider}
 * (display name = provider id), and each test gets fresh, uniquely named destinations and its
 * resources closed afterwards. Everything is reached through the provider's JNDI context
 * ({@code ConnectionFactory}, {@code ClientIdConnectionFactory}, {@code dynamicQueues/<name>},
 * {@code dynamicTopics/<name>}), as an application would.
 *
 * <p>Not thread-safe: one instance per test method invocation, used by the test thread (helpers that
 * tests hand to other threads only read final state).
 */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.ferrymq.tck.harness.Provider#selected")
@ExtendWith(ExclusionCondition.class)
@Timeout(30)
public abstract class JmsTestBase {

    /** Timeout for a receive that must succeed. */
    protected static final long RECEIVE_TIMEOUT = 5_000;
    /** Timeout for a receive that must return nothing (kept short: negative checks are many). */
    protected static final long NO_MESSAGE_TIMEOUT = 150;

    /**
     * How far apart two clock reads of one send may be: a header the specification defines from the
     * time of the send (JMSExpiration, JMSDeliveryTime) may be computed from a second read of the
     * clock, a few ms after JMSTimestamp (Artemis does). Kept below the 50 ms the transacted checks
     * leave between send and commit, so a header computed at commit still fails.
     */
    protected static final long CLOCK_READ_TOLERANCE = 20;

    private static final AtomicLong COUNTER = new AtomicLong();

    @Parameter
    Provider provider;

    private final Deque<AutoCloseable> resources = new ArrayDeque<>();
    private Context jndi;
    private String testName;

    @BeforeEach
    void openJndi(TestInfo info) throws NamingException {
        testName = getClass().getSimpleName() + "-" + info.getTestMethod().map(m -> m.getName()).orElse("test");
        jndi = provider.jndi();
    }

    @AfterEach
    void closeResources() throws Exception {
        Exception first = null;
        while (!resources.isEmpty()) {
            try {
                resources.pop().close();
            } catch (Exception e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        if (jndi != null) {
            jndi.close();
        }
        if (first != null) {
            throw first;
        }
    }

    /** The provider this instance runs against. */
    public Provider provider() {
        return provider;
    }

    /** Registers a resource to close (in reverse order) after the test. */
    protected <T extends AutoCloseable> T track(T resource) {
        resources.push(resource);
        return resource;
    }

    /** Looks up a JNDI name in the provider's context. */
    @SuppressWarnings("unchecked")
    protected <T> T lookup(String name) {
        try {
            return (T) jndi.lookup(name);
        } catch (NamingException e) {
            throw new IllegalStateException("JNDI lookup of " + name + " failed on " + provider, e);
        }
    }

    /** The provider's plain connection factory (JNDI name {@code ConnectionFactory}). */
    protected ConnectionFactory cf() {
        return lookup("ConnectionFactory");
    }

    /** A name unique in this JVM, derived from the test name. */
    protected String uniqueName(String kind) {
        return ("tck-" + kind + "-" + testName + "-" + COUNTER.incrementAndGet()).replaceAll("[^A-Za-z0-9_.-]", "_");
    }

    /** A fresh queue, looked up as {@code dynamicQueues/<unique name>}. */
    protected Queue queue() {
        return lookup("dynamicQueues/" + uniqueName("q"));
    }

    /** A fresh topic, looked up as {@code dynamicTopics/<unique name>}. */
    protected Topic topic() {
        return lookup("dynamicTopics/" + uniqueName("t"));
    }

    /** A new, not started connection, closed after the test. */
    protected Connection connection() throws JMSException {
        return track(cf().createConnection());
    }

    /** A new, started connection, closed after the test. */
    protected Connection startedConnection() throws JMSException {
        Connection c = connection();
        c.start();
        return c;
    }

    /** A non-transacted AUTO_ACKNOWLEDGE session on a new started connection. */
    protected Session session() throws JMSException {
        return startedConnection().createSession(false, Session.AUTO_ACKNOWLEDGE);
    }

    /** A session with the given mode on a new started connection. */
    protected Session session(boolean transacted, int mode) throws JMSException {
        return startedConnection().createSession(transacted, mode);
    }

    /** A new AUTO_ACKNOWLEDGE JMSContext, closed after the test. */
    protected JMSContext context() {
        return track(cf().createContext());
    }

    /** A new JMSContext in the given session mode, closed after the test. */
    protected JMSContext context(int sessionMode) {
        return track(cf().createContext(sessionMode));
    }

    /** Sends the message to a fresh queue through a new producer of the session and receives it back. */
    protected Message roundTrip(Session s, Message m) throws JMSException {
        Queue q = queue();
        MessageConsumer c = s.createConsumer(q);
        s.createProducer(q).send(m);
        return mustReceive(c);
    }

    /**
     * Lets wall-clock time pass (a message's time-to-live or delivery delay elapse); there is nothing
     * to wait for, so no latch applies.
     */
    protected static void letTimePass(long millis) throws InterruptedException {
        java.util.concurrent.TimeUnit.MILLISECONDS.sleep(millis);
    }

    /** Receives a message that must arrive, failing clearly otherwise. */
    protected static Message mustReceive(MessageConsumer consumer) throws JMSException {
        Message m = consumer.receive(RECEIVE_TIMEOUT);
        if (m == null) {
            throw new AssertionError("expected a message within " + RECEIVE_TIMEOUT + " ms, got none");
        }
        return m;
    }

    /** Asserts nothing arrives within {@link #NO_MESSAGE_TIMEOUT}. */
    protected static void mustNotReceive(MessageConsumer consumer) throws JMSException {
        Message m = consumer.receive(NO_MESSAGE_TIMEOUT);
        if (m != null) {
            throw new AssertionError("expected no message, got " + m);
        }
    }

    /**
     * Asserts that a header defined as {@code JMSTimestamp + offset} has that value, up to
     * {@link #CLOCK_READ_TOLERANCE} either way.
     */
    protected static void assertTimeOfSend(long actual, Message sent, long offset, String header) throws JMSException {
        long expected = sent.getJMSTimestamp() + offset;
        assertThat(actual)
                .as("%s: JMSTimestamp %d + %d ms, read from the same send's clock", header, sent.getJMSTimestamp(), offset)
                .isBetween(expected - CLOCK_READ_TOLERANCE, expected + CLOCK_READ_TOLERANCE);
    }
}
