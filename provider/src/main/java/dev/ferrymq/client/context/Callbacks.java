package dev.ferrymq.client.context;

import jakarta.jms.CompletionListener;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/**
 * Knows which context's callback the current thread is running, for the rules that forbid some
 * calls from a {@code MessageListener} or {@code CompletionListener} on its own
 * {@code JMSContext}. The simplified API hands the classic objects wrapped listeners that mark the
 * thread for the duration of the callback. One thread-local read and two writes per callback;
 * no allocation.
 */
final class Callbacks {

    /**
     * What the current thread is running: a message or completion listener of {@code context}
     * (compared by identity), which uses {@code connection}. Each context makes its two frames.
     */
    record Frame(JMSContext context, SharedConnection connection, boolean completion) {
    }

    private static final ThreadLocal<Frame> CURRENT = new ThreadLocal<>();

    private Callbacks() {
    }

    /** True when the current thread runs a message listener of {@code context}. */
    static boolean inMessageListenerOf(JMSContext context) {
        Frame f = CURRENT.get();
        return f != null && !f.completion() && f.context() == context;
    }

    /** True when the current thread runs a completion listener of {@code context}. */
    static boolean inCompletionListenerOf(JMSContext context) {
        Frame f = CURRENT.get();
        return f != null && f.completion() && f.context() == context;
    }

    /** True when the current thread runs a message listener of any context on {@code connection}. */
    static boolean inMessageListenerOn(SharedConnection connection) {
        Frame f = CURRENT.get();
        return f != null && !f.completion() && f.connection() == connection;
    }

    /** {@code listener} marked as a message listener of the frame's context ({@code null} stays null). */
    static MessageListener wrap(MessageListener listener, Frame frame) {
        if (listener == null) {
            return null;
        }
        return message -> {
            Frame previous = CURRENT.get();
            CURRENT.set(frame);
            try {
                listener.onMessage(message);
            } finally {
                CURRENT.set(previous);
            }
        };
    }

    /** {@code listener} marked as a completion listener of the frame's context. */
    static CompletionListener wrap(CompletionListener listener, Frame frame) {
        return new CompletionListener() {
            @Override
            public void onCompletion(Message message) {
                Frame previous = CURRENT.get();
                CURRENT.set(frame);
                try {
                    listener.onCompletion(message);
                } finally {
                    CURRENT.set(previous);
                }
            }

            @Override
            public void onException(Message message, Exception exception) {
                Frame previous = CURRENT.get();
                CURRENT.set(frame);
                try {
                    listener.onException(message, exception);
                } finally {
                    CURRENT.set(previous);
                }
            }
        };
    }
}
