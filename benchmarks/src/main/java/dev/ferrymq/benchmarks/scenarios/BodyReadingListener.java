package dev.ferrymq.benchmarks.scenarios;

import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/**
 * A consumer that reads each 1 KiB body, acknowledges every {@code ackEvery}-th message when
 * {@code ackEvery > 0} (CLIENT_ACKNOWLEDGE sessions), and counts it on an {@link ArrivalTracker}.
 * Any failure goes to the tracker. Called by the provider's delivery thread of one session.
 */
final class BodyReadingListener implements MessageListener {

    private final ArrivalTracker tracker;
    private final int ackEvery;
    private final byte[] buffer = Payload.buffer();
    private long received;

    BodyReadingListener(ArrivalTracker tracker, int ackEvery) {
        this.tracker = tracker;
        this.ackEvery = ackEvery;
    }

    @Override
    public void onMessage(Message message) {
        try {
            Payload.read(message, buffer);
            received++;
            if (ackEvery > 0 && received % ackEvery == 0) {
                message.acknowledge();
            }
            tracker.arrived(1);
        } catch (Throwable t) {
            tracker.fail(t);
        }
    }
}
