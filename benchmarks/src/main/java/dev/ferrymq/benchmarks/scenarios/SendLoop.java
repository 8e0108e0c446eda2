package dev.ferrymq.benchmarks.scenarios;

import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;

import java.util.concurrent.TimeoutException;

/**
 * A producer's loop: fresh 1 KiB messages in batches of {@value #BATCH} until the deadline passes
 * or the cap is reached, so every producer sends a whole number of batches. Runs on the calling
 * producer thread; the session and producer must belong to that thread.
 */
final class SendLoop {

    /** Messages between deadline checks, window claims and batch hooks (e.g. commits). */
    static final int BATCH = 100;

    /** What to do after each batch, e.g. {@code session::commit}. */
    @FunctionalInterface
    interface AfterBatch {
        AfterBatch NOTHING = () -> { };

        void run() throws JMSException;
    }

    private SendLoop() {
    }

    /**
     * Sends until {@code deadline} (System.nanoTime) or {@code max} messages.
     *
     * @return messages sent, a multiple of {@link #BATCH}
     */
    static long run(Session session, MessageProducer producer, long max, long deadline,
                    Window window, AfterBatch afterBatch) throws JMSException, TimeoutException {
        long sent = 0;
        while (sent + BATCH <= max) {
            window.acquire(BATCH);
            for (int i = 0; i < BATCH; i++) {
                producer.send(Payload.create(session));
            }
            afterBatch.run();
            sent += BATCH;
            if (System.nanoTime() - deadline >= 0 || Thread.currentThread().isInterrupted()) {
                break;
            }
        }
        return sent;
    }
}
