package dev.ferrymq.client.context;

import dev.ferrymq.client.AcknowledgingSession;
import dev.ferrymq.client.BodyReceivingConsumer;
import dev.ferrymq.client.destination.FerryQueue;
import dev.ferrymq.client.destination.FerryTopic;
import jakarta.jms.CompletionListener;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionConsumer;
import jakarta.jms.ConnectionMetaData;
import jakarta.jms.Destination;
import jakarta.jms.ExceptionListener;
import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageListener;
import jakarta.jms.MessageProducer;
import jakarta.jms.ServerSessionPool;
import jakarta.jms.Session;
import jakarta.jms.StreamMessage;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Hand-written in-memory fakes of the classic API, to test the simplified API's adapters alone.
 * Session, producer and messages are {@link Proxy} instances over small hand-written handlers
 * (their interfaces are large; only the methods the adapters call are implemented, any other
 * call fails the test with UnsupportedOperationException). No mocking library.
 */
final class FakeJms {

    private FakeJms() {
    }

    /** A send the fake producer saw. */
    record Send(Destination destination, Message message, int deliveryMode, int priority, long timeToLive,
                long deliveryDelay, boolean disableMessageID, boolean disableMessageTimestamp,
                CompletionListener completion) {
    }

    static final class FakeConnection implements Connection {
        final List<FakeSession> sessions = new CopyOnWriteArrayList<>();
        final AtomicInteger starts = new AtomicInteger();
        final AtomicInteger stops = new AtomicInteger();
        final AtomicInteger closes = new AtomicInteger();
        volatile String clientID;
        volatile ExceptionListener exceptionListener;

        @Override
        public Session createSession(boolean transacted, int acknowledgeMode) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Session createSession(int sessionMode) throws JMSException {
            if (closes.get() > 0) {
                throw new IllegalStateException("connection closed");
            }
            FakeSession s = new FakeSession(sessionMode);
            sessions.add(s);
            return s.proxy;
        }

        @Override
        public Session createSession() {
            throw new UnsupportedOperationException();
        }

        @Override
        public String getClientID() {
            return clientID;
        }

        @Override
        public void setClientID(String clientID) throws JMSException {
            if (!sessions.isEmpty() || this.clientID != null) {
                throw new IllegalStateException("client ID can no longer be set");
            }
            this.clientID = clientID;
        }

        @Override
        public ConnectionMetaData getMetaData() {
            return null;
        }

        @Override
        public ExceptionListener getExceptionListener() {
            return exceptionListener;
        }

        @Override
        public void setExceptionListener(ExceptionListener listener) {
            exceptionListener = listener;
        }

        @Override
        public void start() {
            starts.incrementAndGet();
        }

        @Override
        public void stop() {
            stops.incrementAndGet();
        }

        @Override
        public void close() throws JMSException {
            closes.incrementAndGet();
            for (FakeSession s : sessions) {
                s.close();
            }
        }

        @Override
        public ConnectionConsumer createConnectionConsumer(Destination d, String s, ServerSessionPool p, int m) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ConnectionConsumer createSharedConnectionConsumer(Topic t, String n, String s, ServerSessionPool p, int m) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ConnectionConsumer createDurableConnectionConsumer(Topic t, String n, String s, ServerSessionPool p, int m) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ConnectionConsumer createSharedDurableConnectionConsumer(Topic t, String n, String s, ServerSessionPool p,
                                                                        int m) {
            throw new UnsupportedOperationException();
        }
    }

    /** Handler of a fake {@link AcknowledgingSession}. */
    static final class FakeSession implements InvocationHandler {
        final int mode;
        final Session proxy;
        final List<FakeConsumer> consumers = new CopyOnWriteArrayList<>();
        final List<FakeProducer> producers = new CopyOnWriteArrayList<>();
        final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
        final Map<String, JMSException> failures = new ConcurrentHashMap<>();
        volatile boolean closed;

        FakeSession(int mode) {
            this.mode = mode;
            this.proxy = (Session) Proxy.newProxyInstance(FakeJms.class.getClassLoader(),
                    new Class<?>[] {AcknowledgingSession.class}, this);
        }

        int calls(String method) {
            AtomicInteger n = calls.get(method);
            return n == null ? 0 : n.get();
        }

        void close() {
            closed = true;
            for (FakeConsumer c : consumers) {
                c.close();
            }
        }

        @Override
        public Object invoke(Object p, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            if (method.getDeclaringClass() == Object.class) {
                return objectMethod(p, method, args);
            }
            calls.computeIfAbsent(name, k -> new AtomicInteger()).incrementAndGet();
            if (name.equals("close")) {
                close();
                return null;
            }
            if (closed) {
                throw new IllegalStateException("session closed");
            }
            JMSException failure = failures.get(name);
            if (failure != null) {
                throw failure;
            }
            switch (name) {
                case "createProducer": {
                    FakeProducer producer = new FakeProducer((Destination) args[0]);
                    producers.add(producer);
                    return producer.proxy;
                }
                case "createConsumer", "createDurableConsumer", "createSharedConsumer",
                        "createSharedDurableConsumer": {
                    String selector = args.length > 1 && name.equals("createConsumer") ? (String) args[1]
                            : args.length > 2 ? (String) args[2] : null;
                    FakeConsumer consumer = new FakeConsumer(selector);
                    consumers.add(consumer);
                    return consumer;
                }
                case "createQueue":
                    return new FerryQueue((String) args[0]);
                case "createTopic":
                    return new FerryTopic((String) args[0]);
                case "createTextMessage":
                    return text(args == null ? null : (String) args[0]);
                case "createMessage":
                    return message(Message.class, null);
                case "commit", "rollback", "recover", "acknowledge", "unsubscribe":
                    return null;
                default:
                    throw new UnsupportedOperationException("fake session: " + name);
            }
        }
    }

    /** Handler of a fake anonymous {@link MessageProducer}. */
    static final class FakeProducer implements InvocationHandler {
        final Destination destination;
        final MessageProducer proxy;
        final List<Send> sends = new CopyOnWriteArrayList<>();
        volatile long deliveryDelay;
        volatile boolean disableMessageID;
        volatile boolean disableMessageTimestamp;

        FakeProducer(Destination destination) {
            this.destination = destination;
            this.proxy = (MessageProducer) Proxy.newProxyInstance(FakeJms.class.getClassLoader(),
                    new Class<?>[] {MessageProducer.class}, this);
        }

        @Override
        public Object invoke(Object p, Method method, Object[] args) {
            switch (method.getName()) {
                case "setDeliveryDelay" -> deliveryDelay = (Long) args[0];
                case "setDisableMessageID" -> disableMessageID = (Boolean) args[0];
                case "setDisableMessageTimestamp" -> disableMessageTimestamp = (Boolean) args[0];
                case "send" -> {
                    if (args.length < 5) {
                        throw new UnsupportedOperationException("the adapter must pass the options per send");
                    }
                    CompletionListener completion = args.length == 6 ? (CompletionListener) args[5] : null;
                    Message m = (Message) args[1];
                    sends.add(new Send((Destination) args[0], m, (Integer) args[2], (Integer) args[3], (Long) args[4],
                            deliveryDelay, disableMessageID, disableMessageTimestamp, completion));
                    if (completion != null) {
                        Thread t = new Thread(() -> completion.onCompletion(m), "fake-completion");
                        t.start();
                    }
                }
                default -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return objectMethod(p, method, args);
                    }
                    throw new UnsupportedOperationException("fake producer: " + method.getName());
                }
            }
            return null;
        }
    }

    /** A fake consumer over a local queue; a listener runs on its own thread. */
    static final class FakeConsumer implements BodyReceivingConsumer {
        final String selector;
        final LinkedBlockingDeque<Message> queue = new LinkedBlockingDeque<>();
        final AtomicInteger bodyCalls = new AtomicInteger();
        volatile MessageListener listener;
        volatile boolean closed;

        FakeConsumer(String selector) {
            this.selector = selector;
        }

        @Override
        public String getMessageSelector() throws JMSException {
            checkOpen();
            return selector;
        }

        @Override
        public MessageListener getMessageListener() throws JMSException {
            checkOpen();
            return listener;
        }

        @Override
        public void setMessageListener(MessageListener listener) throws JMSException {
            checkOpen();
            this.listener = listener;
            if (listener != null) {
                Thread t = new Thread(() -> {
                    try {
                        while (!closed && this.listener == listener) {
                            Message m = queue.poll(10, TimeUnit.MILLISECONDS);
                            if (m != null) {
                                listener.onMessage(m);
                            }
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }, "fake-listener");
                t.setDaemon(true);
                t.start();
            }
        }

        private void checkOpen() throws JMSException {
            if (closed) {
                throw new IllegalStateException("consumer closed");
            }
        }

        @Override
        public Message receive() throws JMSException {
            return receive(0);
        }

        @Override
        public Message receive(long timeout) throws JMSException {
            checkOpen();
            try {
                return timeout == 0 ? queue.take() : queue.poll(timeout, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }

        @Override
        public Message receiveNoWait() throws JMSException {
            checkOpen();
            return queue.poll();
        }

        @Override
        public void close() {
            closed = true;
        }

        @Override
        public <T> T receiveBody(Class<T> c, long timeout) throws JMSException {
            bodyCalls.incrementAndGet();
            Message m = timeout < 0 ? receiveNoWait() : receive(timeout);
            if (m == null) {
                return null;
            }
            try {
                return BodyReceivingConsumer.bodyOf(m, c);
            } catch (JMSException e) {
                queue.addFirst(m);
                throw e;
            }
        }
    }

    static TextMessage text(String text) {
        return (TextMessage) message(TextMessage.class, text);
    }

    static StreamMessage stream() {
        return (StreamMessage) message(StreamMessage.class, null);
    }

    /** A fake message of {@code type} with {@code body}: properties, headers and getBody only. */
    static Message message(Class<? extends Message> type, Object body) {
        Map<String, Object> properties = new ConcurrentHashMap<>();
        Map<String, Object> headers = new ConcurrentHashMap<>();
        Object[] bodyHolder = {body};
        InvocationHandler handler = (p, method, args) -> {
            String name = method.getName();
            if (method.getDeclaringClass() == Object.class) {
                return objectMethod(p, method, args);
            }
            switch (name) {
                case "getText":
                    return bodyHolder[0];
                case "setText":
                    bodyHolder[0] = args[0];
                    return null;
                case "getBody": {
                    Class<?> c = (Class<?>) args[0];
                    if (bodyHolder[0] != null && !c.isInstance(bodyHolder[0])) {
                        throw new MessageFormatException("body is not a " + c.getName());
                    }
                    return bodyHolder[0];
                }
                case "setObjectProperty", "setStringProperty", "setIntProperty":
                    properties.put((String) args[0], args[1]);
                    return null;
                case "getObjectProperty", "getStringProperty":
                    return properties.get((String) args[0]);
                case "propertyExists":
                    return properties.containsKey((String) args[0]);
                default:
                    if (name.startsWith("setJMS")) {
                        headers.put(name.substring(3), args[0]);
                        return null;
                    }
                    if (name.startsWith("getJMS")) {
                        return headers.get(name.substring(3));
                    }
                    throw new UnsupportedOperationException("fake message: " + name);
            }
        };
        return (Message) Proxy.newProxyInstance(FakeJms.class.getClassLoader(), new Class<?>[] {type}, handler);
    }

    private static Object objectMethod(Object proxy, Method method, Object[] args) {
        return switch (method.getName()) {
            case "equals" -> proxy == args[0];
            case "hashCode" -> System.identityHashCode(proxy);
            default -> "fake " + proxy.getClass().getInterfaces()[0].getSimpleName();
        };
    }
}
