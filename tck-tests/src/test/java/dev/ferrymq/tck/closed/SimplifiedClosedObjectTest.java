package dev.ferrymq.tck.closed;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import jakarta.jms.IllegalStateRuntimeException;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.Message;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.ferrymq.tck.harness.JmsTestBase;
import dev.ferrymq.tck.harness.SpecSection;

/**
 * 6.1.8 / 6.2.15 for the simplified API: after JMSContext.close (or JMSConsumer.close) every method
 * but close throws IllegalStateRuntimeException; close again is ignored.
 */
class SimplifiedClosedObjectTest extends JmsTestBase {

    /** What gets closed: the consumer itself or its JMSContext. */
    enum Closing { CONSUMER, CONTEXT }

    private JMSContext ctx;
    private Op.Fixture fixture;

    private void open() {
        ctx = context(JMSContext.CLIENT_ACKNOWLEDGE);
        fixture = new Op.Fixture(queue(), topic(), ctx.createTextMessage("closed"));
    }

    static Stream<Named<Op<JMSContext>>> contextOps() {
        return SimplifiedOps.CONTEXT.stream();
    }

    static Stream<Named<Op<JMSProducer>>> producerOps() {
        return SimplifiedOps.PRODUCER_SENDS.stream();
    }

    static Stream<Arguments> consumerOps() {
        List<Arguments> list = new ArrayList<>();
        for (Closing c : Closing.values()) {
            for (Named<Op<JMSConsumer>> op : SimplifiedOps.CONSUMER) {
                list.add(Arguments.of(c, op));
            }
        }
        return list.stream();
    }

    @ParameterizedTest(name = "JMSContext.{0}")
    @MethodSource("contextOps")
    @SpecSection("6.2.15 Closing a session")
    void closedContext(Op<JMSContext> op) {
        open();
        ctx.close();
        assertThatThrownBy(() -> op.apply(ctx, fixture)).isInstanceOf(IllegalStateRuntimeException.class);
    }

    @ParameterizedTest(name = "JMSProducer.{0}")
    @MethodSource("producerOps")
    @SpecSection("6.2.15 Closing a session")
    void producerOfClosedContext(Op<JMSProducer> op) {
        open();
        JMSProducer producer = ctx.createProducer();
        ctx.close();
        assertThatThrownBy(() -> op.apply(producer, fixture)).isInstanceOf(IllegalStateRuntimeException.class);
    }

    @ParameterizedTest(name = "{0} closed: JMSConsumer.{1}")
    @MethodSource("consumerOps")
    @SpecSection("8.8 Closing a consumer")
    void closedConsumer(Closing closing, Op<JMSConsumer> op) {
        open();
        JMSConsumer consumer = ctx.createConsumer(fixture.queue());
        if (closing == Closing.CONSUMER) {
            consumer.close();
        } else {
            ctx.close();
        }
        assertThatThrownBy(() -> op.apply(consumer, fixture)).isInstanceOf(IllegalStateRuntimeException.class);
    }

    @Test
    @SpecSection("6.1.8 Closing a connection")
    void closingAgainIsIgnored() {
        open();
        JMSConsumer consumer = ctx.createConsumer(fixture.queue());
        ctx.close();
        assertThatCode(() -> {
            consumer.close();
            ctx.close();
        }).doesNotThrowAnyException();
    }

    @Test
    @SpecSection("6.1.8 Closing a connection")
    void acknowledgeOfMessageFromClosedContextThrows() throws Exception {
        open();
        JMSConsumer consumer = ctx.createConsumer(fixture.queue());
        ctx.createProducer().send(fixture.queue(), "ack me");
        Message m = consumer.receive(RECEIVE_TIMEOUT);
        org.assertj.core.api.Assertions.assertThat(m).isNotNull();
        ctx.close();
        assertThatThrownBy(m::acknowledge).isInstanceOfAny(IllegalStateRuntimeException.class,
                jakarta.jms.IllegalStateException.class);
    }
}
