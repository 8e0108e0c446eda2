package dev.ferrymq.tck.selectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import jakarta.jms.Connection;
import jakarta.jms.InvalidSelectorException;
import jakarta.jms.InvalidSelectorRuntimeException;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Queue;
import jakarta.jms.Session;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import dev.ferrymq.tck.harness.JmsTestBase;
import dev.ferrymq.tck.harness.SpecSection;

/**
 * 3.8.1.1 Message selector syntax: "Only like type values can be compared." When both sides of a
 * comparison are literals their types are known as soon as the selector is given, so a selector
 * comparing literals of different types is invalid at creation, for every kind of consumer and
 * the browser. With an identifier on one side the type is only known per message, and the
 * comparison is simply false for a value of another type.
 */
class LiteralTypeMismatchTest extends JmsTestBase {

    static final List<String> MISMATCHED = List.of(
            "TRUE = 0",
            "FALSE = 0",
            "'a' = 1",
            "1 = 'a'",
            "TRUE = 'x'",
            "'x' = FALSE",
            "1.5 = 'a'",
            "FALSE <> 1");

    /** The same shapes with an identifier on one side: valid, and false for a value of another type. */
    static final List<String> WITH_IDENTIFIER = List.of(
            "flag = 0",
            "s = 1",
            "n = 'a'",
            "flag = 'x'");

    @ParameterizedTest(name = "{0}")
    @FieldSource("MISMATCHED")
    @SpecSection("3.8.1.1 Message selector syntax")
    void createConsumerRefuses(String selector) throws Exception {
        Session s = session();
        Queue q = queue();
        assertThatThrownBy(() -> s.createConsumer(q, selector)).isInstanceOf(InvalidSelectorException.class);
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("MISMATCHED")
    @SpecSection("3.8.1.1 Message selector syntax")
    void createBrowserRefuses(String selector) throws Exception {
        Session s = session();
        Queue q = queue();
        assertThatThrownBy(() -> s.createBrowser(q, selector)).isInstanceOf(InvalidSelectorException.class);
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("MISMATCHED")
    @SpecSection("3.8.1.1 Message selector syntax")
    void createDurableConsumerRefuses(String selector) throws Exception {
        Connection c = connection();
        c.setClientID(uniqueName("cid"));
        Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        assertThatThrownBy(() -> s.createDurableConsumer(topic(), uniqueName("sub"), selector, false))
                .isInstanceOf(InvalidSelectorException.class);
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("MISMATCHED")
    @SpecSection("3.8.1.1 Message selector syntax")
    void createSharedConsumerRefuses(String selector) throws Exception {
        Session s = session();
        assertThatThrownBy(() -> s.createSharedConsumer(topic(), uniqueName("sub"), selector))
                .isInstanceOf(InvalidSelectorException.class);
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("MISMATCHED")
    @SpecSection("3.8.1.1 Message selector syntax")
    void jmsContextFormsRefuse(String selector) {
        JMSContext ctx = context();
        assertThatThrownBy(() -> ctx.createConsumer(queue(), selector))
                .isInstanceOf(InvalidSelectorRuntimeException.class);
        assertThatThrownBy(() -> ctx.createBrowser(queue(), selector))
                .isInstanceOf(InvalidSelectorRuntimeException.class);
        assertThatThrownBy(() -> ctx.createSharedConsumer(topic(), uniqueName("sub"), selector))
                .isInstanceOf(InvalidSelectorRuntimeException.class);
        assertThatThrownBy(() -> ctx.createSharedDurableConsumer(topic(), uniqueName("sub"), selector))
                .isInstanceOf(InvalidSelectorRuntimeException.class);
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("WITH_IDENTIFIER")
    @SpecSection("3.8.1.1 Message selector syntax")
    void aComparisonWithAnIdentifierIsValidAndFalseForUnlikeTypes(String selector) throws Exception {
        Session s = session();
        Queue q = queue();
        MessageConsumer selective = s.createConsumer(q, selector);
        Message m = s.createMessage();
        m.setBooleanProperty("flag", true);
        m.setStringProperty("s", "1");
        m.setIntProperty("n", 1);
        s.createProducer(q).send(m);
        mustNotReceive(selective);
        selective.close();
        assertThat(mustReceive(s.createConsumer(q))).as("not selected is not lost").isNotNull();
    }
}
