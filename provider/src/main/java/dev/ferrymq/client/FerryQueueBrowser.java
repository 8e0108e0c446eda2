package dev.ferrymq.client;

import dev.ferrymq.client.message.MessageAcknowledger;
import dev.ferrymq.client.message.DeserializationFilter;
import dev.ferrymq.client.message.Messages;
import dev.ferrymq.spi.DestinationRef;
import dev.ferrymq.spi.MessageData;
import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;

import java.util.Enumeration;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Consumer;

/**
 * A JMS queue browser ("QueueBrowser"): each {@link #getEnumeration()} is a snapshot of the queue
 * taken by the engine, in delivery order, matching the selector. Expired messages are skipped.
 * Browsed messages cannot be acknowledged (their acknowledge does nothing).
 *
 * <p>Threading: for the session's thread of control; enumerations are for one thread.
 */
public final class FerryQueueBrowser implements QueueBrowser {

    private static final MessageAcknowledger NO_ACKNOWLEDGEMENT = () -> { };

    private final BrowserSession session;
    private final Consumer<FerryQueueBrowser> whenClosed;
    private final Queue queue;
    private final DestinationRef ref;
    private final String selector;
    private volatile boolean closed;

    /**
     * @param whenClosed told when this browser closed, so that its session forgets it; called on
     *                   the closing thread
     */
    FerryQueueBrowser(BrowserSession session, Queue queue, DestinationRef ref, String selector,
                      Consumer<FerryQueueBrowser> whenClosed) throws JMSException {
        if (!ref.isQueue()) {
            throw new InvalidDestinationException("a browser needs a queue, not " + ref);
        }
        this.session = session;
        this.whenClosed = whenClosed;
        this.queue = queue;
        this.ref = ref;
        this.selector = selector;
    }

    /** Lets the engine check the selector now, so a bad one fails createBrowser (InvalidSelectorException). */
    void validate() throws JMSException {
        if (selector != null) {
            snapshot();
        }
    }

    void markClosed() {
        closed = true;
    }

    private void checkOpen() throws IllegalStateException {
        if (closed) {
            throw new IllegalStateException("browser is closed");
        }
        session.checkOpen();
    }

    private List<MessageData> snapshot() throws JMSException {
        return session.engine().call((e, done) -> e.browse(ref, selector, done));
    }

    @Override
    public Queue getQueue() throws JMSException {
        checkOpen();
        return queue;
    }

    @Override
    public String getMessageSelector() throws JMSException {
        checkOpen();
        return selector;
    }

    @Override
    public Enumeration<Message> getEnumeration() throws JMSException {
        checkOpen();
        return new Snapshot(snapshot().iterator(), session.deserializationFilter());
    }

    @Override
    public void close() throws JMSException {
        closed = true;
        whenClosed.accept(this);
    }

    /** Walks one snapshot, skipping what expired meanwhile. */
    private static final class Snapshot implements Enumeration<Message> {
        private final Iterator<MessageData> messages;
        private final DeserializationFilter filter;
        private MessageData next;

        Snapshot(Iterator<MessageData> messages, DeserializationFilter filter) {
            this.messages = messages;
            this.filter = filter;
        }

        @Override
        public boolean hasMoreElements() {
            long now = System.currentTimeMillis();
            while (next == null && messages.hasNext()) {
                MessageData candidate = messages.next();
                if (!candidate.isExpired(now)) {
                    next = candidate;
                }
            }
            return next != null;
        }

        @Override
        public Message nextElement() {
            if (!hasMoreElements()) {
                throw new NoSuchElementException("no more messages in this browse");
            }
            MessageData data = next;
            next = null;
            return Messages.received(data, 1, NO_ACKNOWLEDGEMENT, filter);
        }
    }
}
