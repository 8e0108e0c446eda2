package dev.ferrymq.engine.queue;

/**
 * The available messages of a queue in delivery order: priority 9 first, then arrival order.
 * Ten intrusive doubly linked lists, one per priority, so append, removal and unlinking during a
 * scan are O(1); a released entry is put back at its arrival place by a walk from the head (it
 * usually belongs near the head).
 *
 * <p>Threading contract: not thread-safe; owned by the queue's serial executor.
 */
final class MessageList {

    private static final int LEVELS = 10;

    private final MessageEntry[] heads = new MessageEntry[LEVELS];
    private final MessageEntry[] tails = new MessageEntry[LEVELS];
    private int size;

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** Adds {@code e} at its place by arrival order within its priority. */
    void add(MessageEntry e) {
        int p = e.priority;
        MessageEntry tail = tails[p];
        if (tail == null || tail.seq < e.seq) {
            e.prev = tail;
            e.next = null;
            if (tail == null) {
                heads[p] = e;
            } else {
                tail.next = e;
            }
            tails[p] = e;
        } else {
            MessageEntry at = heads[p];
            while (at.seq < e.seq) {
                at = at.next;
            }
            e.next = at;
            e.prev = at.prev;
            if (at.prev == null) {
                heads[p] = e;
            } else {
                at.prev.next = e;
            }
            at.prev = e;
        }
        e.listed = true;
        size++;
    }

    void remove(MessageEntry e) {
        int p = e.priority;
        if (e.prev == null) {
            heads[p] = e.next;
        } else {
            e.prev.next = e.next;
        }
        if (e.next == null) {
            tails[p] = e.prev;
        } else {
            e.next.prev = e.prev;
        }
        e.prev = null;
        e.next = null;
        e.listed = false;
        size--;
    }

    /** The first entry in delivery order, or {@code null}. */
    MessageEntry first() {
        return firstFrom(LEVELS - 1);
    }

    /** The entry after {@code e} in delivery order; call before unlinking {@code e}. */
    MessageEntry after(MessageEntry e) {
        return e.next != null ? e.next : firstFrom(e.priority - 1);
    }

    private MessageEntry firstFrom(int level) {
        for (int p = level; p >= 0; p--) {
            if (heads[p] != null) {
                return heads[p];
            }
        }
        return null;
    }

    /** Unlinks everything (entries are left to the garbage collector). */
    void clear() {
        for (MessageEntry e = first(); e != null; ) {
            MessageEntry n = after(e);
            e.listed = false;
            e.prev = null;
            e.next = null;
            e = n;
        }
        java.util.Arrays.fill(heads, null);
        java.util.Arrays.fill(tails, null);
        size = 0;
    }
}
