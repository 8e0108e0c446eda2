package dev.ferrymq.client.fake;

import dev.ferrymq.spi.Delivery;
import dev.ferrymq.spi.MessageData;

/** One push of an entry to a consumer. */
final class FakeDelivery implements Delivery {

    final FakeQueue.Entry entry;
    final FakeQueue queue;
    final FakeSession session;
    final FakeConsumer consumer;
    private final int deliveryCount;

    FakeDelivery(FakeQueue.Entry entry, FakeQueue queue, FakeSession session, FakeConsumer consumer) {
        this.entry = entry;
        this.queue = queue;
        this.session = session;
        this.consumer = consumer;
        this.deliveryCount = entry.seen + 1;
    }

    @Override
    public MessageData message() {
        return entry.data;
    }

    @Override
    public int deliveryCount() {
        return deliveryCount;
    }
}
