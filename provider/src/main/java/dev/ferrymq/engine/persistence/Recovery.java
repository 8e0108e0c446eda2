package dev.ferrymq.engine.persistence;

import dev.ferrymq.engine.destination.Destinations;
import dev.ferrymq.engine.queue.MessageQueue;
import dev.ferrymq.engine.topic.Subscription;
import dev.ferrymq.engine.topic.SubscriptionRegistry;
import dev.ferrymq.engine.topic.Topic;
import dev.ferrymq.selector.Selector;
import dev.ferrymq.spi.DestinationRef;
import dev.ferrymq.store.LiveRecord;
import dev.ferrymq.store.RecoveryListener;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rebuilds a broker's durable state at start from the journal's live records: durable
 * subscriptions first, then every stored message into its queue in original order, with its
 * delivery count (the last stored one, or one when its queue's delivery mark covers it: the
 * message comes back marked redelivered), delayed ones (a future delivery time, or a delayed
 * redelivery that was waiting) scheduled again; each queue's delivery mark is handed back to it.
 * A message that expired meanwhile is expired by its queue as it arrives (moved to the expiry
 * queue when one is configured). Records that cannot be used (a message of a subscription that no
 * longer exists, an unreadable record) are deleted and reported in the log.
 *
 * <p>Threading contract: one instance per broker start, used by the starting thread only.
 */
public final class Recovery implements RecoveryListener {

    private static final System.Logger LOG = System.getLogger(Recovery.class.getName());

    private final List<LiveRecord> subscriptionRecords = new ArrayList<>();
    /** Message records, decoded as they arrive so that their payloads can go at once. */
    private final List<RecoveredMessage> messageRecords = new ArrayList<>();
    private final List<LiveRecord> markRecords = new ArrayList<>();
    private final List<LiveRecord> unknown = new ArrayList<>();
    /** The destination of the last message read: the next ones mostly share it rather than a copy each. */
    private DestinationRef recentDestination;

    @Override
    public void onRecord(LiveRecord record) {
        switch (record.type()) {
            case Records.SUBSCRIPTION -> subscriptionRecords.add(record);
            case Records.MESSAGE -> {
                RecoveredMessage m = RecoveredMessage.of(record, recentDestination);
                if (m.message != null) {
                    recentDestination = m.message.message().destination();
                }
                messageRecords.add(m);
            }
            case Records.DELIVERY_MARK -> markRecords.add(record);
            default -> unknown.add(record);
        }
    }

    /** Opens {@code store}'s journal, collecting its records, and rebuilds the broker's state from them. */
    public static void run(PersistentStore store, Destinations destinations, SubscriptionRegistry subscriptions) {
        Recovery r = new Recovery();
        store.open(r);
        r.apply(store, destinations, subscriptions);
    }

    private void apply(PersistentStore store, Destinations destinations, SubscriptionRegistry subscriptions) {
        Map<String, MessageQueue> subscriptionQueues = new HashMap<>();
        int discarded = 0;
        for (LiveRecord r : subscriptionRecords) {
            try {
                Records.StoredSubscription s = Records.readSubscription(r.payload());
                Topic topic = (Topic) destinations.forSend(DestinationRef.topic(s.topic()));
                Subscription sub = subscriptions.restoreDurable(topic, s.kind(), s.clientId(), s.name(),
                        Selector.parse(s.selector()), s.noLocal());
                store.restored(sub, r.id());
                subscriptionQueues.put(sub.queue().name(), sub.queue());
            } catch (RuntimeException | dev.ferrymq.selector.SelectorSyntaxException e) {
                discarded++;
                store.discard(r.id());
                LOG.log(Level.WARNING, "broker '" + store.broker() + "': subscription record " + r.id()
                        + " is unusable and was deleted: " + e);
            }
        }
        Map<String, Mark> marks = readMarks(store);
        long messages = 0;
        MarkLookup lookup = new MarkLookup(marks);
        for (int i = 0; i < messageRecords.size(); i++) {
            RecoveredMessage r = messageRecords.set(i, null);
            Records.StoredMessage m = r.message;
            if (m == null) {
                discarded++;
                store.discard(r.id);
                LOG.log(Level.WARNING, "broker '" + store.broker() + "': message record " + r.id
                        + " is unreadable and was deleted: " + r.unreadable);
                continue;
            }
            MessageQueue q = m.subscription() ? subscriptionQueues.get(m.queue())
                    : (MessageQueue) destinations.forSend(DestinationRef.queue(m.queue()));
            if (q == null) {
                store.discard(r.id);
                continue;
            }
            Mark mark = lookup.find(m.subscription(), m.queue());
            int count = r.count;
            if (mark != null) {
                mark.queue = q;
                if (count == 0 && r.id <= mark.upTo) {
                    count = 1;
                }
            }
            q.enqueueStored(m.message(), r.id, count, r.redeliveryTime);
            messages++;
        }
        for (Mark mark : marks.values()) {
            if (mark.queue != null) {
                mark.queue.restoreMark(mark.id, mark.upTo);
            } else {
                store.discard(mark.id);
            }
        }
        for (LiveRecord r : unknown) {
            discarded++;
            LOG.log(Level.WARNING, "broker '" + store.broker() + "': record " + r.id() + " has unknown type "
                    + r.type() + " (written by a newer version?); it is kept but not used");
        }
        if (messages > 0 || !subscriptionRecords.isEmpty() || discarded > 0) {
            LOG.log(Level.INFO, "broker '" + store.broker() + "': recovered " + messages + " message(s) and "
                    + subscriptionQueues.size() + " durable subscription(s)"
                    + (discarded > 0 ? "; " + discarded + " unusable record(s) skipped" : ""));
        }
    }

    /**
     * A message record as read: the decoded message (null when unreadable, with the reason), its
     * last stored delivery count and delayed redelivery time. Holds no payload.
     */
    private static final class RecoveredMessage {
        final long id;
        final Records.StoredMessage message;
        final RuntimeException unreadable;
        final int count;
        final long redeliveryTime;

        private RecoveredMessage(long id, Records.StoredMessage message, RuntimeException unreadable, int count,
                                 long redeliveryTime) {
            this.id = id;
            this.message = message;
            this.unreadable = unreadable;
            this.count = count;
            this.redeliveryTime = redeliveryTime;
        }

        static RecoveredMessage of(LiveRecord r, DestinationRef recent) {
            Records.StoredMessage m;
            try {
                m = Records.readMessage(r.payload(), recent);
            } catch (RuntimeException e) {
                return new RecoveredMessage(r.id(), null, e, 0, 0);
            }
            return new RecoveredMessage(r.id(), m, null, lastCount(r), redeliveryTime(r));
        }
    }

    /** A queue's delivery mark record; {@code queue} is set once one of its messages is recovered. */
    private static final class Mark {
        final long id;
        final long upTo;
        MessageQueue queue;

        Mark(long id, long upTo) {
            this.id = id;
            this.upTo = upTo;
        }
    }

    /** The highest mark per queue; superseded or unreadable mark records are deleted. */
    private Map<String, Mark> readMarks(PersistentStore store) {
        Map<String, Mark> marks = new HashMap<>();
        for (LiveRecord r : markRecords) {
            Records.StoredMark m;
            try {
                m = Records.readMark(r.payload());
            } catch (RuntimeException e) {
                store.discard(r.id());
                LOG.log(Level.WARNING, "broker '" + store.broker() + "': delivery mark record " + r.id()
                        + " is unreadable and was deleted: " + e);
                continue;
            }
            Mark mark = new Mark(r.id(), m.upTo());
            Mark other = marks.putIfAbsent(key(m.subscription(), m.queue()), mark);
            if (other != null) {
                boolean keepOther = other.upTo >= mark.upTo;
                store.discard(keepOther ? mark.id : other.id);
                if (!keepOther) {
                    marks.put(key(m.subscription(), m.queue()), mark);
                }
            }
        }
        return marks;
    }

    /** {@code marks.get(key(...))}, remembering the last answer: a backlog's messages mostly share a queue. */
    private static final class MarkLookup {
        private final Map<String, Mark> marks;
        private boolean lastSubscription;
        private String lastQueue;
        private Mark last;

        MarkLookup(Map<String, Mark> marks) {
            this.marks = marks;
        }

        Mark find(boolean subscription, String queue) {
            if (!queue.equals(lastQueue) || subscription != lastSubscription) {
                lastQueue = queue;
                lastSubscription = subscription;
                last = marks.get(key(subscription, queue));
            }
            return last;
        }
    }

    private static String key(boolean subscription, String queue) {
        return (subscription ? "s:" : "q:") + queue;
    }

    /**
     * When the message waits for a delayed redelivery: the time of its last {@code REDELIVERY_TIME}
     * update unless a delivery was recorded after it (then it was redelivered since); 0: none.
     */
    private static long redeliveryTime(LiveRecord r) {
        List<LiveRecord.Update> updates = r.updates();
        for (int i = updates.size() - 1; i >= 0; i--) {
            byte type = updates.get(i).type();
            if (type == Records.REDELIVERY_TIME) {
                return Records.time(updates.get(i).payload());
            }
            if (type == Records.DELIVERY_COUNT) {
                return 0;
            }
        }
        return 0;
    }

    private static int lastCount(LiveRecord r) {
        List<LiveRecord.Update> updates = r.updates();
        for (int i = updates.size() - 1; i >= 0; i--) {
            if (updates.get(i).type() == Records.DELIVERY_COUNT) {
                return Records.count(updates.get(i).payload());
            }
        }
        return 0;
    }
}
