package dev.ferrymq.client.fake;

import dev.ferrymq.spi.DestinationRef;
import dev.ferrymq.spi.MessageData;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A queue or a topic subscription: messages in send order, consumers served round robin. */
final class FakeQueue {

    /** One message on this queue; its place ({@code seq}) is kept when it is released. */
    static final class Entry {
        final MessageData data;
        final long seq;
        int seen;

        Entry(MessageData data, long seq) {
            this.data = data;
            this.seq = seq;
        }
    }

    final FakeBroker broker;
    final String name;
    final DestinationRef topic;
    final TreeMap<Long, Entry> available = new TreeMap<>();
    final List<FakeConsumer> consumers = new ArrayList<>();
    FakeConnection owner;
    boolean noLocal;
    private int next;

    FakeQueue(FakeBroker broker, String name, DestinationRef topic) {
        this.broker = broker;
        this.name = name;
        this.topic = topic;
    }

    void add(MessageData data, long seq) {
        available.put(seq, new Entry(data, seq));
        pump();
    }

    void putBack(Entry e) {
        available.put(e.seq, e);
    }

    /**
     * Pushes deliveries to consumers with credit, in order, round robin among those whose selector
     * accepts each message; a message no ready consumer accepts waits (caller holds the broker lock).
     */
    void pump() {
        if (consumers.isEmpty()) {
            return;
        }
        for (Map.Entry<Long, Entry> first : new ArrayList<>(available.entrySet())) {
            FakeConsumer target = null;
            boolean anyReady = false;
            for (int i = 0; i < consumers.size(); i++) {
                FakeConsumer c = consumers.get((next + i) % consumers.size());
                if (!c.canTake()) {
                    continue;
                }
                anyReady = true;
                if (c.accepts(first.getValue())) {
                    target = c;
                    next = (next + i + 1) % consumers.size();
                    break;
                }
            }
            if (!anyReady) {
                return;
            }
            if (target != null) {
                available.remove(first.getKey());
                target.push(first.getValue());
            }
        }
    }
}
