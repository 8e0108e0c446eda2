package dev.ferrymq.samples;

import java.io.PrintStream;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The essay's figures as {@link EssaySample} measures them itself, on the client's side, where
 * the broker's own ({@link BrokerFigures}) measure something else: queue length n over the run
 * (the broker's {@code Depth} is the length now), processing time t in the listener, the
 * acknowledge call's time u, and retransmission time v from the first delivery to the redelivery
 * (the broker's v is the redelivery delay it applied: 0 after an acknowledgement timeout).
 * Reliability p is the broker's alone.
 *
 * <p>Threading: the sender thread calls {@link #sent}, the receiver's delivery thread
 * {@link #delivered} and {@link #acknowledged}, the main thread the rest; every method is
 * {@code synchronized}.
 */
final class EssayFigures {

    private final Stat queueLength = new Stat();
    private final Stat processing = new Stat();
    private final Stat acknowledgement = new Stat();
    private final Stat retransmission = new Stat();
    private final Map<Integer, Long> firstDelivery = new HashMap<>();
    private final Set<Integer> acknowledgedSeqs = new HashSet<>();
    private int sent;

    /** A send returned: samples n, the messages sent and not yet acknowledged. */
    synchronized void sent() {
        sent++;
        queueLength.add(sent - acknowledgedSeqs.size());
    }

    /**
     * Message {@code seq} reached the receiver at {@code nanos}; returns the milliseconds since
     * its first delivery when this is a redelivery, else -1.
     */
    synchronized long delivered(int seq, long nanos) {
        Long first = firstDelivery.putIfAbsent(seq, nanos);
        if (first == null) {
            return -1;
        }
        retransmission.add(nanos - first);
        return TimeUnit.NANOSECONDS.toMillis(nanos - first);
    }

    /**
     * Message {@code seq}, delivered at {@code deliveredNanos}, was acknowledged by a call made at
     * {@code ackCallNanos} that returned at {@code ackReturnNanos}.
     */
    synchronized void acknowledged(int seq, long deliveredNanos, long ackCallNanos, long ackReturnNanos) {
        processing.add(ackCallNanos - deliveredNanos);
        acknowledgement.add(ackReturnNanos - ackCallNanos);
        acknowledgedSeqs.add(seq);
    }

    synchronized int acknowledgedCount() {
        return acknowledgedSeqs.size();
    }

    synchronized int retransmissions() {
        return retransmission.count;
    }

    synchronized void print(PrintStream out) {
        out.println("figures measured by the sample (client side):");
        out.printf(Locale.ROOT, "  n  queue length (sent, not yet acknowledged) after each send: mean %.2f, max %d%n",
                queueLength.mean(), queueLength.max);
        out.printf(Locale.ROOT, "  t  processing time (listener called to acknowledge call): mean %.3f ms, max %.3f ms%n",
                processing.meanMillis(), processing.max / 1e6);
        out.printf(Locale.ROOT, "  u  acknowledgement time (acknowledge call to return): mean %.3f ms, max %.3f ms%n",
                acknowledgement.meanMillis(), acknowledgement.max / 1e6);
        out.printf(Locale.ROOT, "  v  retransmission time (first delivery to redelivery): mean %.1f ms, max %.1f ms (%d retransmission%s)%n",
                retransmission.meanMillis(), retransmission.max / 1e6, retransmission.count,
                retransmission.count == 1 ? "" : "s");
    }

    /** Count, sum and maximum of one figure. */
    private static final class Stat {
        int count;
        long sum;
        long max;

        void add(long value) {
            count++;
            sum += value;
            max = Math.max(max, value);
        }

        double mean() {
            return count == 0 ? 0 : (double) sum / count;
        }

        double meanMillis() {
            return mean() / 1e6;
        }
    }
}
