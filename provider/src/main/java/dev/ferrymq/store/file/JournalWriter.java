package dev.ferrymq.store.file;

import dev.ferrymq.store.JournalConfig;
import dev.ferrymq.store.JournalStats;
import dev.ferrymq.store.StoreException;
import dev.ferrymq.store.SyncPolicy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * Who writes the journal, and when: group commit, one writer at a time. Appending threads put
 * requests on a lock-free queue; the writer thread takes everything queued as one round and hands
 * it to the {@link RoundWriter} (one write, one force under {@link SyncPolicy#ALWAYS}). While a
 * round is forced, new requests queue up and share the next force, so throughput grows with the
 * number of producers.
 *
 * <p><b>The write permit.</b> The files and the index belong to whoever holds the permit: the
 * writer thread, or an appending thread that waits for its append anyway ({@link #submitWaiting}).
 * Such a thread, finding the journal idle, takes what is queued, adds its own request last and
 * writes the round itself: a single synchronous producer then pays no hand-off to the writer
 * thread and back per send, only its write and force. It blocks for that round, and the round's
 * callbacks run on it. When the permit is held, it queues its request like any other. Queued
 * requests always precede the one the holder adds, so each appender's order is kept. An
 * interrupted thread does not write; one interrupted while it writes keeps writing (the
 * {@link Head} opens the file again) and finds its interrupt status set again afterwards.
 *
 * <p><b>Background requests</b> ({@link dev.ferrymq.store.Journal#appendBackground}) ask for no
 * force of their own: under {@link SyncPolicy#ALWAYS}, while only they are queued, the writer
 * thread leaves them for up to the configured background delay, so that a request that needs a
 * force (queued, or a waiting appender taking the queue along) carries them; when none comes, or
 * the journal closes, they are written and forced alone. So an AUTO_ACKNOWLEDGE acknowledgement
 * does not make the next send of a single producer wait for a sync round of its own. Waiting for
 * company, the writer thread does not take the permit.
 *
 * <p>Threading: {@link #submit} and {@link #submitWaiting} from any thread, {@link #close} from
 * any thread but a callback's; the rest runs on the writer thread.
 */
final class JournalWriter implements Runnable {

    private static final int ROUND_BYTES = 8 << 20;
    private static final long NO_DEADLINE = Long.MAX_VALUE;

    private final ConcurrentLinkedQueue<Request> queue = new ConcurrentLinkedQueue<>();
    private final Path directory;
    private final SyncPolicy policy;
    private final long backgroundDelayNanos;
    private final RoundWriter rounds;
    private final Thread thread;
    private final AtomicBoolean permit = new AtomicBoolean();
    /** The permit's holder, for {@link #holdsPermit()}; set and cleared by the holder. */
    private volatile Thread holder;
    /** The round being gathered; used only by the permit holder, empty whenever the permit is free. */
    private final List<Request> round = new ArrayList<>();
    private long roundBytes;
    /** The writer thread is parked: waiting for work, for company, or for the permit. */
    private volatile boolean parked;
    /** The writer thread waits for a request that needs a force (background requests do not wake it). */
    private volatile boolean awaitingCompany;
    private volatile boolean wantsPermit;
    /** An appender that wrote a round saw files to delete or compact. */
    private volatile boolean maintenance;
    private volatile boolean closing;

    JournalWriter(JournalConfig config, LiveIndex index, long nextSeq, long nextFileNumber, LongSupplier nextId) {
        this.directory = config.directory();
        this.policy = config.syncPolicy();
        this.backgroundDelayNanos = TimeUnit.MILLISECONDS.toNanos(config.backgroundDelayMillis());
        this.rounds = new RoundWriter(config, index, nextSeq, nextFileNumber, nextId);
        this.thread = new Thread(this, "ferrymq-journal-" + directory);
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Whether the calling thread holds the write permit: the writer thread, or an appender in its round's callbacks. */
    boolean holdsPermit() {
        Thread current = Thread.currentThread();
        return current == thread || current == holder;
    }

    JournalStats stats() {
        return rounds.stats();
    }

    /** Queues a request; fails it at once when the journal is closing. */
    void submit(Request r) {
        if (closing) {
            r.fail(closed());
            return;
        }
        queue.offer(r);
        if (closing) {
            if (queue.remove(r)) {
                r.fail(closed());
            }
            return;
        }
        if (parked && !(r.background && awaitingCompany)) {
            LockSupport.unpark(thread);
        }
    }

    /**
     * For an appender that waits for {@code r} anyway: under {@link SyncPolicy#ALWAYS}, when the
     * journal is idle (the writer thread parked, waiting for work or for company, no request that
     * needs a force queued, the permit free), writes what is queued and then {@code r} on the
     * calling thread, blocking it for the write and force and running the round's callbacks on it;
     * otherwise {@link #submit queues} it. With many producers the queue is rarely empty of forced
     * requests, so they keep sharing the writer thread's rounds instead of taking turns forcing
     * small rounds of their own.
     */
    void submitWaiting(Request r) {
        if (policy != SyncPolicy.ALWAYS || closing || !writerIdle() || queueHoldsForced()
                || Thread.currentThread().isInterrupted() || !permit.compareAndSet(false, true)) {
            submit(r);
            return;
        }
        holder = Thread.currentThread();
        boolean written = false;
        try {
            drain();
            if (roundBytes < ROUND_BYTES) {
                // the queue was emptied, so nothing this thread appended before r is left behind it
                round.add(r);
                written = true;
            }
            writeRound();
            if (rounds.maintenanceDue()) {
                maintenance = true;
            }
        } finally {
            boolean interrupted = rounds.takeAbsorbedInterrupt();
            release();
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        if (!written) {
            submit(r);
        } else if (maintenance && parked) {
            LockSupport.unpark(thread);
        }
    }

    /** Writes everything accepted, forces, closes the file and stops the thread; fails stragglers. */
    void close() throws InterruptedException {
        closing = true;
        LockSupport.unpark(thread);
        thread.join();
        Request r;
        while ((r = queue.poll()) != null) {
            r.fail(closed());
        }
    }

    private StoreException closed() {
        return new StoreException(StoreException.Kind.CLOSED, "the journal in " + directory + " is closed");
    }

    @Override
    public void run() {
        long wakeAt = NO_DEADLINE;
        boolean company = false;
        long intervalForceAt = NO_DEADLINE;
        while (true) {
            awaitWork(wakeAt, company);
            if (!closing && !maintenance) {
                Request first = queue.peek();
                long now = System.nanoTime();
                if (first == null && (intervalForceAt == NO_DEADLINE || intervalForceAt - now > 0)) {
                    wakeAt = intervalForceAt;
                    company = false;
                    continue;
                }
                if (first != null && policy == SyncPolicy.ALWAYS && !queueHoldsForced()
                        && first.queuedAt + backgroundDelayNanos - now > 0) {
                    wakeAt = first.queuedAt + backgroundDelayNanos;
                    company = true;
                    continue;
                }
            }
            acquire();
            boolean finished = false;
            try {
                drain();
                writeRound();
                maintenance = false;
                rounds.maintain(closing);
                if (closing && queue.isEmpty()) {
                    rounds.close();
                    finished = true; // keeping the permit: nothing is written after the final force
                    return;
                }
                long untilForce = rounds.nanosUntilIntervalForce();
                intervalForceAt = untilForce == Long.MAX_VALUE ? NO_DEADLINE : System.nanoTime() + untilForce;
                wakeAt = intervalForceAt;
                company = false;
            } finally {
                if (!finished) {
                    release();
                }
            }
        }
    }

    /**
     * Parks the writer thread until a request comes (one that needs a force, when it waits for
     * {@code company}), the journal closes, maintenance is asked for, or {@code wakeAt} passes.
     */
    private void awaitWork(long wakeAt, boolean company) {
        awaitingCompany = company;
        parked = true;
        try {
            if (closing || maintenance || (company ? queueHoldsForced() : !queue.isEmpty())) {
                return;
            }
            if (wakeAt == NO_DEADLINE) {
                LockSupport.park(this);
            } else {
                long wait = wakeAt - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(this, wait);
                }
            }
        } finally {
            parked = false;
            awaitingCompany = false;
        }
    }

    /** The writer thread waits for work or for company, not for the permit: no round of it is under way. */
    private boolean writerIdle() {
        return parked && !wantsPermit;
    }

    private boolean queueHoldsForced() {
        for (Request r : queue) {
            if (!r.background) {
                return true;
            }
        }
        return false;
    }

    /** The writer thread takes the permit, waiting while an appender writes its round. */
    private void acquire() {
        while (!permit.compareAndSet(false, true)) {
            wantsPermit = true;
            parked = true;
            try {
                if (permit.get()) {
                    LockSupport.park(this);
                }
            } finally {
                parked = false;
                wantsPermit = false;
            }
        }
        holder = Thread.currentThread();
    }

    private void release() {
        holder = null;
        permit.set(false);
        if (wantsPermit) {
            LockSupport.unpark(thread);
        }
    }

    /** Moves queued requests to the round, up to a round's size; permit held. */
    private void drain() {
        Request r;
        while (roundBytes < ROUND_BYTES && (r = queue.poll()) != null) {
            round.add(r);
            roundBytes += r.frameBytes;
        }
    }

    /** Writes the gathered round, if any, and starts a new one; permit held. */
    private void writeRound() {
        if (round.isEmpty()) {
            return;
        }
        try {
            rounds.write(round);
        } finally {
            round.clear();
            roundBytes = 0;
        }
    }
}
