package dev.ferrymq.engine.queue;

import dev.ferrymq.selector.Selector;
import dev.ferrymq.spi.MessageData;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;

/**
 * The consumers of one queue, and among them the ready ones (open, not suspended, with credit) in
 * a ring for round-robin dispatch. Add, remove and readiness changes are O(1) (swap-remove with
 * indexes kept in the consumers), so ten thousand consumers cost nothing per message.
 *
 * <p>Threading contract: not thread-safe; owned by the queue's serial executor.
 */
final class ConsumerSet {

    private final ArrayList<QueueConsumer> all = new ArrayList<>();
    private final ArrayList<QueueConsumer> ready = new ArrayList<>();
    private int cursor;
    /** Management paused dispatch: no consumer counts as ready. */
    private boolean paused;

    int size() {
        return all.size();
    }

    boolean isEmpty() {
        return all.isEmpty();
    }

    boolean noneReady() {
        return paused || ready.isEmpty();
    }

    boolean paused() {
        return paused;
    }

    void pause(boolean pause) {
        paused = pause;
    }

    void add(QueueConsumer c) {
        c.index = all.size();
        all.add(c);
        update(c);
    }

    /** Marks {@code c} closed and removes it; idempotent. */
    void remove(QueueConsumer c) {
        if (c.closed) {
            return;
        }
        c.closed = true;
        update(c);
        int i = c.index;
        int last = all.size() - 1;
        QueueConsumer moved = all.get(last);
        all.set(i, moved);
        all.remove(last);
        moved.index = i;
        c.index = -1;
    }

    /** Re-evaluates whether {@code c} is ready after its credit or suspension changed. */
    void update(QueueConsumer c) {
        if (c.isReady()) {
            if (c.readyIndex < 0) {
                c.readyIndex = ready.size();
                ready.add(c);
            }
        } else if (c.readyIndex >= 0) {
            int i = c.readyIndex;
            int last = ready.size() - 1;
            QueueConsumer moved = ready.get(last);
            ready.set(i, moved);
            ready.remove(last);
            moved.readyIndex = i;
            c.readyIndex = -1;
        }
    }

    /**
     * The next ready consumer, round-robin, that accepts {@code e} (its selector matches), or
     * {@code null}. Advances the ring past the consumer returned. The consumer the entry should avoid
     * (it let the entry's acknowledgement time out) is chosen only when it is the queue's only consumer.
     *
     * @param matcher evaluates a consumer's selector on a message
     */
    QueueConsumer nextAccepting(MessageEntry e, BiPredicate<Selector, MessageData> matcher) {
        if (paused) {
            return null;
        }
        int n = ready.size();
        QueueConsumer avoided = null;
        int avoidedIdx = -1;
        for (int i = 0; i < n; i++) {
            int idx = (cursor + i) % n;
            QueueConsumer c = ready.get(idx);
            if (c.selector == null || matcher.test(c.selector, e.message)) {
                if (c.id == e.avoid && avoided == null) {
                    avoided = c;
                    avoidedIdx = idx;
                    continue;
                }
                cursor = idx + 1;
                return c;
            }
        }
        if (avoided != null && all.size() == 1) {
            cursor = avoidedIdx + 1;
        }
        return all.size() == 1 ? avoided : null;
    }

    /** A copy of all open consumers. */
    List<QueueConsumer> snapshot() {
        return new ArrayList<>(all);
    }
}
