package dev.ferrymq.engine.queue;

import dev.ferrymq.spi.MessageData;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The messages one commit adds, grouped by queue in send order, so that once the commit is
 * durable each queue takes them in one task ({@link AcceptingQueue#enqueueAllStored}) instead of
 * one task per message.
 *
 * <p>Threading contract: not thread-safe; filled by the committing thread, then
 * {@link #enqueue()}d once by whichever thread completes the commit.
 */
public final class Arrivals {

    private final Map<AcceptingQueue, Group> byQueue = new IdentityHashMap<>();
    private final List<Group> groups = new ArrayList<>(1);
    private Group last;

    private static final class Group {
        final AcceptingQueue queue;
        MessageData[] messages = new MessageData[8];
        long[] ids = new long[8];
        int count;

        Group(AcceptingQueue queue) {
            this.queue = queue;
        }

        void add(MessageData m, long id) {
            if (count == messages.length) {
                messages = Arrays.copyOf(messages, count * 2);
                ids = Arrays.copyOf(ids, count * 2);
            }
            messages[count] = m;
            ids[count++] = id;
        }
    }

    /** Adds {@code message}, stored as record {@code id} (0: not stored), to {@code queue}'s arrivals. */
    public void add(AcceptingQueue queue, MessageData message, long id) {
        Group g = last;
        if (g == null || g.queue != queue) {
            g = byQueue.get(queue);
            if (g == null) {
                g = new Group(queue);
                byQueue.put(queue, g);
                groups.add(g);
            }
            last = g;
        }
        g.add(message, id);
    }

    /** Hands every queue its arrivals unstored (their write failed), in the order they were added. */
    public void enqueueUnstored() {
        for (Group g : groups) {
            g.queue.enqueueAllStored(g.messages, new long[g.count], g.count);
        }
    }

    /** Hands every queue its arrivals, in the order they were added. */
    public void enqueue() {
        for (Group g : groups) {
            g.queue.enqueueAllStored(g.messages, g.ids, g.count);
        }
    }
}
