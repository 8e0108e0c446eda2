package dev.ferrymq.tck.selectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import jakarta.jms.InvalidSelectorException;
import jakarta.jms.InvalidSelectorRuntimeException;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.Topic;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import dev.ferrymq.tck.harness.JmsTestBase;
import dev.ferrymq.tck.harness.SpecSection;

/**
 * 3.8 Message selection, through real consumers: each case sends one message to a fresh queue and
 * checks a consumer with the selector receives it (or not, in which case a plain consumer must
 * still find it on the queue: not selected is not lost).
 */
class SelectorTest extends JmsTestBase {

    static final List<SelectorCase> COMPARISON = SelectorCases.COMPARISON;
    static final List<SelectorCase> LOGIC_AND_ARITHMETIC = SelectorCases.LOGIC_AND_ARITHMETIC;
    static final List<SelectorCase> BETWEEN_IN = SelectorCases.BETWEEN_IN;
    static final List<SelectorCase> LIKE = SelectorCases.LIKE;
    static final List<SelectorCase> NULLS = SelectorCases.NULLS;
    static final List<SelectorCase> HEADERS = SelectorCases.HEADERS;
    static final List<String> INVALID = SelectorCases.INVALID;

    private void check(SelectorCase c) throws Exception {
        Session s = session();
        Queue q = queue();
        MessageProducer p = s.createProducer(q);
        Message sent = c.create(s);
        p.send(sent, c.deliveryMode(), c.priority(), Message.DEFAULT_TIME_TO_LIVE);
        MessageConsumer selecting = s.createConsumer(q, c.selector());
        if (c.selected()) {
            assertThat(mustReceive(selecting).getJMSMessageID()).isEqualTo(sent.getJMSMessageID());
        } else {
            mustNotReceive(selecting);
            selecting.close();
            MessageConsumer all = s.createConsumer(q);
            assertThat(mustReceive(all).getJMSMessageID()).as("unselected message still on the queue")
                    .isEqualTo(sent.getJMSMessageID());
        }
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("COMPARISON")
    @SpecSection("3.8.1.1 Message selector syntax")
    void comparison(SelectorCase c) throws Exception {
        check(c);
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("LOGIC_AND_ARITHMETIC")
    @SpecSection("3.8.1.1 Message selector syntax")
    void logicAndArithmetic(SelectorCase c) throws Exception {
        check(c);
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("BETWEEN_IN")
    @SpecSection("3.8.1.1 Message selector syntax")
    void betweenAndIn(SelectorCase c) throws Exception {
        check(c);
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("LIKE")
    @SpecSection("3.8.1.1 Message selector syntax")
    void likeAndEscape(SelectorCase c) throws Exception {
        check(c);
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("NULLS")
    @SpecSection("3.8.1.2 Null values")
    void nullValues(SelectorCase c) throws Exception {
        check(c);
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("HEADERS")
    @SpecSection("3.8.1.1 Message selector syntax")
    void headerFields(SelectorCase c) throws Exception {
        check(c);
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("INVALID")
    @SpecSection("3.8.1.1 Message selector syntax")
    void invalidSelectorOnCreateConsumer(String selector) throws Exception {
        Session s = session();
        Queue q = queue();
        assertThatThrownBy(() -> s.createConsumer(q, selector)).isInstanceOf(InvalidSelectorException.class);
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("INVALID")
    @SpecSection("3.8.1.1 Message selector syntax")
    void invalidSelectorOnCreateBrowser(String selector) throws Exception {
        Session s = session();
        Queue q = queue();
        assertThatThrownBy(() -> s.createBrowser(q, selector)).isInstanceOf(InvalidSelectorException.class);
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("INVALID")
    @SpecSection("3.8.1.1 Message selector syntax")
    void invalidSelectorOnJmsContextCreateConsumer(String selector) {
        JMSContext ctx = context();
        Queue q = queue();
        assertThatThrownBy(() -> ctx.createConsumer(q, selector)).isInstanceOf(InvalidSelectorRuntimeException.class);
    }

    @Test
    @SpecSection("3.8.1 Message selector")
    void consumerReportsItsSelector() throws Exception {
        Session s = session();
        Queue q = queue();
        assertThat(s.createConsumer(q, "a = 1").getMessageSelector()).isEqualTo("a = 1");
        assertThat(s.createBrowser(q, "b = 2").getMessageSelector()).isEqualTo("b = 2");
    }

    @Test
    @SpecSection("3.8.1 Message selector")
    void selectorFiltersATopicSubscription() throws Exception {
        Session s = session();
        Topic t = topic();
        MessageConsumer reds = s.createConsumer(t, "color = 'red'");
        MessageProducer p = s.createProducer(t);
        Message blue = s.createMessage();
        blue.setStringProperty("color", "blue");
        Message red = s.createMessage();
        red.setStringProperty("color", "red");
        p.send(blue);
        p.send(red);
        assertThat(mustReceive(reds).getStringProperty("color")).isEqualTo("red");
        mustNotReceive(reds);
    }

    @Test
    @SpecSection("3.8.1 Message selector")
    void selectorSkipsOnlyUnselectedMessagesKeepingOrder() throws Exception {
        Session s = session();
        Queue q = queue();
        MessageProducer p = s.createProducer(q);
        for (int i = 0; i < 6; i++) {
            Message m = s.createMessage();
            m.setIntProperty("i", i);
            p.send(m);
        }
        MessageConsumer odd = s.createConsumer(q, "i = 1 OR i = 3 OR i = 5");
        assertThat(mustReceive(odd).getIntProperty("i")).isEqualTo(1);
        assertThat(mustReceive(odd).getIntProperty("i")).isEqualTo(3);
        assertThat(mustReceive(odd).getIntProperty("i")).isEqualTo(5);
        mustNotReceive(odd);
    }

    @Test
    @SpecSection("3.8.1 Message selector")
    void jmsContextConsumerAppliesSelector() {
        JMSContext ctx = context();
        Queue q = queue();
        ctx.createProducer().setProperty("k", 2).send(q, "two");
        ctx.createProducer().setProperty("k", 1).send(q, "one");
        assertThat(ctx.createConsumer(q, "k = 1").receiveBody(String.class, RECEIVE_TIMEOUT)).isEqualTo("one");
    }
}
