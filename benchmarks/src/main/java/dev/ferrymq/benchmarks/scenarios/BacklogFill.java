package dev.ferrymq.benchmarks.scenarios;

import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;

import java.util.Locale;

/**
 * The send phase of a backlog point: fresh PERSISTENT 1 KiB messages in transactions of
 * {@code txSize}, committed one after the other, with no consumer, until {@code target} messages
 * are committed or a send or commit fails (a memory limit: FerryMQ's {@code fullPolicy=block}
 * holds the producer up to {@code sendTimeout}, then fails). A failure ends the phase: what was
 * committed stays pending, the failed transaction is rolled back, and the outcome says what the
 * producer saw. Runs on the calling thread, which must own {@code session}.
 */
final class BacklogFill {

    /**
     * What the fill did.
     *
     * @param log          committed messages over time
     * @param failure      the exception that ended the fill early, or null
     * @param failedNanos  how long the failed transaction took until its exception (blocked on a
     *                     limit), 0 without failure
     */
    record Outcome(RateLog log, JMSException failure, long failedNanos) {

        long committed() {
            return log.total();
        }

        /**
         * One line for the progress stream: what the producer saw, and the fill's rates, so they
         * are on record even when a later phase (the restart) fails the iteration.
         */
        String describe() {
            String rates = String.format(Locale.ROOT, " (%.1f s, %.0f msg/s, last tenth %.0f msg/s)",
                    log.seconds(), log.rate(), log.lastTenthRate());
            if (failure == null) {
                return String.format(Locale.ROOT, "all %,d messages committed, no send blocked long enough to fail",
                        committed()) + rates;
            }
            return String.format(Locale.ROOT, "after %,d committed messages a transaction failed after %.1f s: %s: %s",
                    committed(), failedNanos / 1e9, failure.getClass().getName(), failure.getMessage()) + rates;
        }
    }

    private BacklogFill() {
    }

    /** Sends and commits until {@code target} messages are committed or the provider refuses. */
    static Outcome run(Session session, MessageProducer producer, long target, int txSize) throws JMSException {
        long start = System.nanoTime();
        RateLog log = new RateLog(start);
        long committed = 0;
        while (committed < target) {
            long txStart = System.nanoTime();
            try {
                for (int i = 0; i < txSize; i++) {
                    producer.send(Payload.create(session));
                }
                session.commit();
            } catch (JMSException e) {
                long failed = System.nanoTime() - txStart;
                rollbackAfter(session, e);
                return new Outcome(log, e, failed);
            }
            committed += txSize;
            log.mark(committed, System.nanoTime());
            if (Thread.currentThread().isInterrupted()) {
                throw new JMSException("backlog fill interrupted after " + committed + " messages");
            }
        }
        return new Outcome(log, null, 0);
    }

    /** Rolls back the failed transaction; a failure to do so is kept on {@code e} as suppressed. */
    private static void rollbackAfter(Session session, JMSException e) {
        try {
            session.rollback();
        } catch (JMSException | RuntimeException rollback) {
            e.addSuppressed(rollback);
        }
    }
}
