package dev.ferrymq.tck.exceptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotWriteableException;
import jakarta.jms.Session;

import org.junit.jupiter.api.Test;

import dev.ferrymq.tck.harness.JmsTestBase;
import dev.ferrymq.tck.harness.SpecSection;

/**
 * Chapter 10: the standard exceptions providers throw for the conditions the javadoc names
 * (the runtime counterparts are checked with the simplified API tests).
 */
@SpecSection("10.3 Standard exceptions")
class StandardExceptionsTest extends JmsTestBase {

    @Test
    void createConsumerOnNullDestinationThrowsInvalidDestination() throws Exception {
        Session s = session();
        assertThatThrownBy(() -> s.createConsumer(null)).isInstanceOf(InvalidDestinationException.class);
    }

    @Test
    void createBrowserOnNullQueueThrowsInvalidDestination() throws Exception {
        Session s = session();
        assertThatThrownBy(() -> s.createBrowser(null)).isInstanceOf(InvalidDestinationException.class);
    }

    @Test
    void createDurableConsumerOnNullTopicThrowsInvalidDestination() throws Exception {
        var c = connection();
        c.setClientID(uniqueName("cid"));
        Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        assertThatThrownBy(() -> s.createDurableConsumer(null, "d")).isInstanceOf(InvalidDestinationException.class);
    }

    @Test
    void createSharedConsumerOnNullTopicThrowsInvalidDestination() throws Exception {
        Session s = session();
        assertThatThrownBy(() -> s.createSharedConsumer(null, "s")).isInstanceOf(InvalidDestinationException.class);
    }

    @Test
    void invalidPropertyValueThrowsMessageFormat() throws Exception {
        Message m = session().createMessage();
        assertThatThrownBy(() -> m.setObjectProperty("x", new StringBuilder())).isInstanceOf(MessageFormatException.class);
    }

    @Test
    void writingAReceivedMessageThrowsMessageNotWriteable() throws Exception {
        Session s = session();
        Message r = roundTrip(s, s.createTextMessage("x"));
        assertThatThrownBy(() -> r.setIntProperty("x", 1)).isInstanceOf(MessageNotWriteableException.class);
    }

    @Test
    @SpecSection("10.2 JMSException and JMSRuntimeException")
    void providerExceptionsAreJmsExceptionsWithAMessage() throws Exception {
        Session s = session();
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> s.createConsumer(null));
        assertThat(t).isInstanceOf(JMSException.class);
        assertThat(t.getMessage()).isNotBlank();
    }

    @Test
    @SpecSection("10.2 JMSException and JMSRuntimeException")
    void simplifiedApiExceptionsAreJmsRuntimeExceptionsWithAMessage() {
        var ctx = context();
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> ctx.createConsumer(null));
        assertThat(t).isInstanceOf(JMSRuntimeException.class);
        assertThat(t.getMessage()).isNotBlank();
    }
}
