package dev.ferrymq.cdi.listener;

import dev.ferrymq.cdi.inject.Jndi;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.Topic;

import java.lang.reflect.InvocationTargetException;

/**
 * One consumer of a listener: its own session of the listener's connection, used only by its own
 * thread. Receives a message, calls the method, sends the reply, then acknowledges (or commits);
 * a method that throws gets {@code recover()} (or rollback), so the provider's redelivery policy
 * applies; a message that cannot be converted is moved to the dead-letter queue and acknowledged.
 */
final class ListenerWorker implements Runnable {

    private static final System.Logger LOG = System.getLogger(ListenerWorker.class.getName());

    private final ListenerContainer container;
    private final ListenerDefinition definition;
    private final Session session;
    private final MessageConsumer consumer;
    private final MessageProducer replies;
    private final DeadLetters deadLetters;
    private final boolean acknowledgeAfterReturn;

    /** Opens the session and consumer on the calling thread, so that bad settings fail the caller. */
    ListenerWorker(ListenerContainer container) throws JMSException {
        this.container = container;
        this.definition = container.definition();
        var spec = definition.spec();
        this.session = spec.transacted()
                ? container.connection().createSession(true, Session.SESSION_TRANSACTED)
                : container.connection().createSession(false, Session.CLIENT_ACKNOWLEDGE);
        this.acknowledgeAfterReturn = !spec.transacted() && spec.sessionMode() != Session.CLIENT_ACKNOWLEDGE;
        try {
            this.consumer = createConsumer(spec);
            this.replies = session.createProducer(null);
            this.deadLetters = new DeadLetters(session, spec.deadLetterQueue().replace("{name}", definition.destinationName()));
        } catch (JMSException | RuntimeException e) {
            session.close();
            throw e;
        }
    }

    private MessageConsumer createConsumer(dev.ferrymq.cdi.JmsListener spec) throws JMSException {
        String selector = spec.selector().isEmpty() ? null : spec.selector();
        if (!definition.onTopic()) {
            Queue queue = Jndi.lookup(spec.queue(), Queue.class).orElseGet(() -> createQueue(spec.queue()));
            return session.createConsumer(queue, selector);
        }
        Topic topic = Jndi.lookup(spec.topic(), Topic.class).orElseGet(() -> createTopic(spec.topic()));
        if (spec.durable()) {
            return spec.shared()
                    ? session.createSharedDurableConsumer(topic, spec.subscription(), selector)
                    : session.createDurableConsumer(topic, spec.subscription(), selector, false);
        }
        return spec.shared() ? session.createSharedConsumer(topic, spec.subscription(), selector) : session.createConsumer(topic, selector);
    }

    private Queue createQueue(String name) {
        try {
            return session.createQueue(name);
        } catch (JMSException e) {
            throw new IllegalArgumentException("cannot create queue '" + name + "': " + e.getMessage(), e);
        }
    }

    private Topic createTopic(String name) {
        try {
            return session.createTopic(name);
        } catch (JMSException e) {
            throw new IllegalArgumentException("cannot create topic '" + name + "': " + e.getMessage(), e);
        }
    }

    @Override
    public void run() {
        int idle = 0;
        try {
            while (container.running()) {
                Message message = consumer.receive(container.receiveTimeout());
                if (message == null) {
                    idle++;
                    if (idle >= container.idleReceives() && container.retire()) {
                        return;
                    }
                    continue;
                }
                idle = 0;
                container.busy();
                try {
                    handle(message);
                } finally {
                    container.done();
                }
            }
        } catch (JMSException | RuntimeException e) {
            if (container.running()) {
                LOG.log(System.Logger.Level.ERROR, "listener " + definition.id() + " lost its consumer", e);
                container.retireAfterFailure();
            }
        } finally {
            closeSession();
            container.exited();
        }
    }

    private void handle(Message message) throws JMSException {
        Object result;
        try {
            result = container.invoker().invoke(message);
        } catch (ConversionException e) {
            deadLetters.send(message, definition.destinationName(), "listener " + definition.id() + " cannot take the message: " + e.getMessage());
            complete(message);
            return;
        } catch (InvocationTargetException e) {
            LOG.log(System.Logger.Level.WARNING, "listener " + definition.id() + " failed on " + message.getJMSMessageID()
                    + "; the message will be redelivered", e.getCause());
            fail();
            return;
        }
        if (result != null) {
            try {
                reply(message, result);
            } catch (JMSException | RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "listener " + definition.id() + " could not reply to " + message.getJMSMessageID()
                        + "; the message will be redelivered", e);
                fail();
                return;
            }
        }
        complete(message);
    }

    private void reply(Message request, Object result) throws JMSException {
        Destination replyTo = request.getJMSReplyTo();
        if (replyTo == null) {
            LOG.log(System.Logger.Level.WARNING, "listener " + definition.id() + " returned a result for "
                    + request.getJMSMessageID() + ", which has no JMSReplyTo: the result is dropped");
            return;
        }
        jakarta.jms.Message reply = BodyConversion.toReply(session, result);
        String correlation = request.getJMSCorrelationID();
        reply.setJMSCorrelationID(correlation != null ? correlation : request.getJMSMessageID());
        replies.send(replyTo, reply);
    }

    private void complete(Message message) throws JMSException {
        if (session.getTransacted()) {
            session.commit();
        } else if (acknowledgeAfterReturn) {
            message.acknowledge();
        }
    }

    private void fail() throws JMSException {
        if (session.getTransacted()) {
            session.rollback();
        } else {
            session.recover();
        }
    }

    private void closeSession() {
        try {
            session.close();
        } catch (JMSException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "closing a session of listener " + definition.id(), e);
        }
    }
}
