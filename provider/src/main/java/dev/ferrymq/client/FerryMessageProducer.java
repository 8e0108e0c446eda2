package dev.ferrymq.client;

import dev.ferrymq.client.destination.FerryDestination;
import dev.ferrymq.client.message.Messages;
import dev.ferrymq.client.util.JmsExceptions;
import dev.ferrymq.client.util.SyncCompletion;
import dev.ferrymq.spi.DestinationRef;
import dev.ferrymq.spi.MessageData;
import jakarta.jms.CompletionListener;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Destination;
import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.QueueSender;
import jakarta.jms.Topic;
import jakarta.jms.TopicPublisher;

import java.util.function.Consumer;

/**
 * A JMS producer ("Sending messages"): sets the send-time headers on the application's message
 * object ("How message header values are set"), copies it into its engine form with
 * {@link Messages#toData} and sends it, waiting for the engine (synchronous send) or calling the
 * {@link CompletionListener} later ({@link AsyncSends}).
 *
 * <p>Threading: for the session's thread of control. {@link #close()} waits for this producer's
 * asynchronous sends and may not be called from its own completion callback.
 */
public final class FerryMessageProducer implements MessageProducer, QueueSender, TopicPublisher {

    private final ProducerSession session;
    private final Consumer<FerryMessageProducer> whenClosed;
    private final Destination destination;
    private final DestinationRef destinationRef;
    private final AsyncSends.Sender asyncSends = new AsyncSends.Sender();
    private volatile boolean closed;
    private int deliveryMode = DeliveryMode.PERSISTENT;
    private int priority = Message.DEFAULT_PRIORITY;
    private long timeToLive = Message.DEFAULT_TIME_TO_LIVE;
    private long deliveryDelay = Message.DEFAULT_DELIVERY_DELAY;
    private boolean disableMessageId;
    private boolean disableTimestamp;

    /**
     * @param whenClosed told once when this producer closed, so that its session forgets it; called
     *                   on the closing thread
     */
    FerryMessageProducer(ProducerSession session, Destination destination, DestinationRef destinationRef,
                         Consumer<FerryMessageProducer> whenClosed) {
        this.session = session;
        this.whenClosed = whenClosed;
        this.destination = destination;
        this.destinationRef = destinationRef;
    }

    void markClosed() {
        closed = true;
    }

    private void checkOpen() throws IllegalStateException {
        if (closed) {
            throw new IllegalStateException("producer is closed");
        }
        session.checkOpen();
    }

    // ---- settings --------------------------------------------------------------------------

    @Override
    public void setDisableMessageID(boolean value) throws JMSException {
        checkOpen();
        disableMessageId = value;
    }

    @Override
    public boolean getDisableMessageID() throws JMSException {
        checkOpen();
        return disableMessageId;
    }

    @Override
    public void setDisableMessageTimestamp(boolean value) throws JMSException {
        checkOpen();
        disableTimestamp = value;
    }

    @Override
    public boolean getDisableMessageTimestamp() throws JMSException {
        checkOpen();
        return disableTimestamp;
    }

    @Override
    public void setDeliveryMode(int mode) throws JMSException {
        checkOpen();
        deliveryMode = checkDeliveryMode(mode);
    }

    @Override
    public int getDeliveryMode() throws JMSException {
        checkOpen();
        return deliveryMode;
    }

    @Override
    public void setPriority(int value) throws JMSException {
        checkOpen();
        priority = checkPriority(value);
    }

    @Override
    public int getPriority() throws JMSException {
        checkOpen();
        return priority;
    }

    @Override
    public void setTimeToLive(long value) throws JMSException {
        checkOpen();
        timeToLive = value;
    }

    @Override
    public long getTimeToLive() throws JMSException {
        checkOpen();
        return timeToLive;
    }

    @Override
    public void setDeliveryDelay(long value) throws JMSException {
        checkOpen();
        if (value < 0) {
            throw new JMSException("delivery delay must not be negative: " + value);
        }
        deliveryDelay = value;
    }

    @Override
    public long getDeliveryDelay() throws JMSException {
        checkOpen();
        return deliveryDelay;
    }

    @Override
    public Destination getDestination() throws JMSException {
        checkOpen();
        return destination;
    }

    @Override
    public Queue getQueue() throws JMSException {
        checkOpen();
        return destination instanceof Queue q ? q : null;
    }

    @Override
    public Topic getTopic() throws JMSException {
        checkOpen();
        return destination instanceof Topic t ? t : null;
    }

    private static int checkDeliveryMode(int mode) throws JMSException {
        if (mode != DeliveryMode.PERSISTENT && mode != DeliveryMode.NON_PERSISTENT) {
            throw new JMSException("invalid delivery mode " + mode + ": expected DeliveryMode.PERSISTENT ("
                    + DeliveryMode.PERSISTENT + ") or DeliveryMode.NON_PERSISTENT (" + DeliveryMode.NON_PERSISTENT + ")");
        }
        return mode;
    }

    private static int checkPriority(int value) throws JMSException {
        if (value < 0 || value > 9) {
            throw new JMSException("invalid priority " + value + ": must be 0 to 9");
        }
        return value;
    }

    // ---- send ------------------------------------------------------------------------------

    @Override
    public void send(Message message) throws JMSException {
        send(null, false, message, deliveryMode, priority, timeToLive, null, false);
    }

    @Override
    public void send(Message message, int mode, int prio, long ttl) throws JMSException {
        send(null, false, message, mode, prio, ttl, null, false);
    }

    @Override
    public void send(Destination dest, Message message) throws JMSException {
        send(dest, true, message, deliveryMode, priority, timeToLive, null, false);
    }

    @Override
    public void send(Destination dest, Message message, int mode, int prio, long ttl) throws JMSException {
        send(dest, true, message, mode, prio, ttl, null, false);
    }

    @Override
    public void send(Message message, CompletionListener listener) throws JMSException {
        send(null, false, message, deliveryMode, priority, timeToLive, listener, true);
    }

    @Override
    public void send(Message message, int mode, int prio, long ttl, CompletionListener listener) throws JMSException {
        send(null, false, message, mode, prio, ttl, listener, true);
    }

    @Override
    public void send(Destination dest, Message message, CompletionListener listener) throws JMSException {
        send(dest, true, message, deliveryMode, priority, timeToLive, listener, true);
    }

    @Override
    public void send(Destination dest, Message message, int mode, int prio, long ttl, CompletionListener listener)
            throws JMSException {
        send(dest, true, message, mode, prio, ttl, listener, true);
    }

    @Override
    public void send(Queue queue, Message message) throws JMSException {
        send((Destination) queue, message);
    }

    @Override
    public void send(Queue queue, Message message, int mode, int prio, long ttl) throws JMSException {
        send((Destination) queue, message, mode, prio, ttl);
    }

    @Override
    public void publish(Message message) throws JMSException {
        send(message);
    }

    @Override
    public void publish(Message message, int mode, int prio, long ttl) throws JMSException {
        send(message, mode, prio, ttl);
    }

    @Override
    public void publish(Topic topic, Message message) throws JMSException {
        send((Destination) topic, message);
    }

    @Override
    public void publish(Topic topic, Message message, int mode, int prio, long ttl) throws JMSException {
        send((Destination) topic, message, mode, prio, ttl);
    }

    /**
     * Every send: checks, headers on the application's message, copy, engine send.
     *
     * @param explicit whether the application named a destination in the call
     * @param listener the asynchronous send's listener
     * @param async    whether it is an asynchronous send
     */
    private void send(Destination dest, boolean explicit, Message message, int mode, int prio, long ttl,
                      CompletionListener listener, boolean async) throws JMSException {
        checkOpen();
        if (async && listener == null) {
            throw new IllegalArgumentException("CompletionListener must not be null");
        }
        Destination target;
        DestinationRef ref;
        if (explicit) {
            if (destination != null) {
                throw new UnsupportedOperationException("this producer was created with destination " + destination
                        + ": use a send method without a destination");
            }
            if (dest == null) {
                throw new InvalidDestinationException("destination must not be null for a producer created without one");
            }
            target = dest;
            ref = FerryDestination.own(dest);
        } else {
            if (destination == null) {
                throw new UnsupportedOperationException("this producer was created without a destination: "
                        + "use a send method that names one");
            }
            target = destination;
            ref = destinationRef;
        }
        if (message == null) {
            throw new MessageFormatException("message must not be null");
        }
        checkDeliveryMode(mode);
        checkPriority(prio);
        long now = System.currentTimeMillis();
        message.setJMSDestination(target);
        message.setJMSDeliveryMode(mode);
        message.setJMSExpiration(ttl > 0 ? now + ttl : 0L);
        message.setJMSDeliveryTime(now + deliveryDelay);
        message.setJMSPriority(prio);
        message.setJMSMessageID(disableMessageId ? null : session.nextMessageId());
        message.setJMSTimestamp(disableTimestamp ? 0L : now);
        MessageData data;
        try {
            data = Messages.toData(message, ref);
        } catch (RuntimeException e) {
            throw JmsExceptions.toJms(e);
        }
        if (!async) {
            SyncCompletion<Void> done = new SyncCompletion<>();
            session.engine().send(data, done);
            done.await();
            return;
        }
        AsyncSends.Pending pending = session.asyncSends().begin(asyncSends, message, listener);
        try {
            session.engine().send(data, pending);
        } catch (JMSException | RuntimeException e) {
            pending.cancel();
            throw e;
        }
    }

    // ---- close -----------------------------------------------------------------------------

    @Override
    public void close() throws JMSException {
        if (closed) {
            return;
        }
        AsyncSends sends = session.asyncSends();
        if (sends.isCallbackThread()) {
            if (sends.callbackSender() == asyncSends) {
                throw new IllegalStateException("a CompletionListener may not close its own producer");
            }
            closed = true;
        } else {
            closed = true;
            sends.awaitSender(asyncSends);
        }
        whenClosed.accept(this);
    }

    @Override
    public String toString() {
        return "FerryMessageProducer[" + (destination == null ? "anonymous" : destination) + (closed ? ", closed" : "") + "]";
    }
}
