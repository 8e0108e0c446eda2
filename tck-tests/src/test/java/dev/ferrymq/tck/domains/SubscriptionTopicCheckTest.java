package dev.ferrymq.tck.domains;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.Supplier;
import java.util.stream.Stream;

import jakarta.jms.InvalidDestinationException;
import jakarta.jms.InvalidDestinationRuntimeException;
import jakarta.jms.JMSContext;
import jakarta.jms.Session;
import jakarta.jms.Topic;
import jakarta.jms.TopicConnection;
import jakarta.jms.TopicConnectionFactory;
import jakarta.jms.TopicSession;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.ferrymq.tck.harness.JmsTestBase;
import dev.ferrymq.tck.harness.SpecSection;

/**
 * The javadoc of every subscription-creating method: "InvalidDestinationException - if an invalid
 * topic is specified". A null topic, or another provider's topic, is invalid whatever else is
 * wrong: on a connection without a client identifier the topic is still what the exception names
 * (not the missing client identifier an unshared durable subscription would also need).
 */
class SubscriptionTopicCheckTest extends JmsTestBase {

    /** A topic of no provider: an implementation of the interface alone. */
    private static final Topic FOREIGN = () -> "foreign-topic";

    static Stream<Arguments> invalidTopics() {
        Supplier<Topic> none = () -> null;
        Supplier<Topic> foreign = () -> FOREIGN;
        return Stream.of(Arguments.of("null topic", none), Arguments.of("foreign topic", foreign));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidTopics")
    @SpecSection("8.3.3 Durable subscriptions")
    void classicSubscriptionMethodsRefuseTheTopicFirst(String what, Supplier<Topic> topic) throws Exception {
        Session s = connection().createSession(false, Session.AUTO_ACKNOWLEDGE);
        String name = uniqueName("sub");
        assertThatThrownBy(() -> s.createDurableConsumer(topic.get(), name))
                .isInstanceOf(InvalidDestinationException.class);
        assertThatThrownBy(() -> s.createDurableConsumer(topic.get(), name, null, false))
                .isInstanceOf(InvalidDestinationException.class);
        assertThatThrownBy(() -> s.createDurableSubscriber(topic.get(), name))
                .isInstanceOf(InvalidDestinationException.class);
        assertThatThrownBy(() -> s.createDurableSubscriber(topic.get(), name, null, false))
                .isInstanceOf(InvalidDestinationException.class);
        assertThatThrownBy(() -> s.createSharedDurableConsumer(topic.get(), name))
                .isInstanceOf(InvalidDestinationException.class);
        assertThatThrownBy(() -> s.createSharedDurableConsumer(topic.get(), name, null))
                .isInstanceOf(InvalidDestinationException.class);
        assertThatThrownBy(() -> s.createSharedConsumer(topic.get(), name))
                .isInstanceOf(InvalidDestinationException.class);
        assertThatThrownBy(() -> s.createSharedConsumer(topic.get(), name, null))
                .isInstanceOf(InvalidDestinationException.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidTopics")
    @SpecSection("8.3.3 Durable subscriptions")
    void legacyTopicSessionRefusesTheTopicFirst(String what, Supplier<Topic> topic) throws Exception {
        TopicConnection c = track(((TopicConnectionFactory) cf()).createTopicConnection());
        TopicSession s = c.createTopicSession(false, Session.AUTO_ACKNOWLEDGE);
        String name = uniqueName("sub");
        assertThatThrownBy(() -> s.createDurableSubscriber(topic.get(), name))
                .isInstanceOf(InvalidDestinationException.class);
        assertThatThrownBy(() -> s.createDurableSubscriber(topic.get(), name, null, false))
                .isInstanceOf(InvalidDestinationException.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidTopics")
    @SpecSection("8.3.3 Durable subscriptions")
    void simplifiedSubscriptionMethodsRefuseTheTopicFirst(String what, Supplier<Topic> topic) {
        JMSContext ctx = context();
        String name = uniqueName("sub");
        assertThatThrownBy(() -> ctx.createDurableConsumer(topic.get(), name))
                .isInstanceOf(InvalidDestinationRuntimeException.class);
        assertThatThrownBy(() -> ctx.createDurableConsumer(topic.get(), name, null, false))
                .isInstanceOf(InvalidDestinationRuntimeException.class);
        assertThatThrownBy(() -> ctx.createSharedDurableConsumer(topic.get(), name))
                .isInstanceOf(InvalidDestinationRuntimeException.class);
        assertThatThrownBy(() -> ctx.createSharedDurableConsumer(topic.get(), name, null))
                .isInstanceOf(InvalidDestinationRuntimeException.class);
        assertThatThrownBy(() -> ctx.createSharedConsumer(topic.get(), name))
                .isInstanceOf(InvalidDestinationRuntimeException.class);
        assertThatThrownBy(() -> ctx.createSharedConsumer(topic.get(), name, null))
                .isInstanceOf(InvalidDestinationRuntimeException.class);
    }
}
