package dev.ferrymq.engine.queue;

import dev.ferrymq.engine.exec.EngineRuntime;
import dev.ferrymq.spi.EngineException;
import dev.ferrymq.spi.MessageData;
import dev.ferrymq.spi.config.DestinationOptions;
import dev.ferrymq.spi.config.FullPolicy;
import dev.ferrymq.spi.config.LimitOptions;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The memory bound of one {@link MessageQueue} ({@link LimitOptions}): counts the messages it
 * holds (available, delayed and delivered but unacknowledged) and their estimated bytes, tells
 * senders whether there is room, and wakes the senders waiting for room when messages leave.
 *
 * <p>A message is counted when it is handed to the queue (on the sender's thread, before the
 * queue's task runs, so a burst of sends cannot outrun the count) and uncounted on the queue's
 * executor when it leaves (acknowledged, expired, dead-lettered, moved, deleted). There is room
 * while both counts are below their limits, so a queue may overshoot by the messages of senders
 * that passed the check at the same moment (one each).
 *
 * <p>The broker's {@link BrokerMemory} bound, when it has one, counts the same bytes across all
 * queues: a send also finds no room while the broker is full, and its waiting senders are woken
 * when the broker has room again.
 *
 * <p>Threading contract: lock-free. {@link #added} and {@link #hasRoom} on any thread,
 * {@link #removed} on the queue's executor; waiters are woken on the broker's pool (never inline).
 * With no limit configured (here or broker-wide) nothing is counted.
 */
public final class QueueLimits {

    /**
     * The limits of one destination, resolved from the broker's options for its name.
     *
     * @param destination the destination name the options were resolved for (the topic's, for a subscription)
     * @param maxBytes    0 or less: unlimited
     * @param maxMessages 0 or less: unlimited
     * @param block       {@code fullPolicy=block}
     * @param sendTimeout milliseconds a blocked send waits; 0: without limit
     */
    public record Config(String destination, long maxBytes, long maxMessages, boolean block, long sendTimeout) {

        /** No limit. */
        public static final Config UNLIMITED = new Config("", 0, 0, true, 0);

        public static Config resolve(DestinationOptions options, String destination) {
            return new Config(destination, options.get(LimitOptions.MAX_QUEUE_BYTES, destination),
                    options.get(LimitOptions.MAX_QUEUE_MESSAGES, destination),
                    options.get(LimitOptions.FULL_POLICY, destination) == FullPolicy.BLOCK,
                    options.get(LimitOptions.SEND_TIMEOUT, destination));
        }

        boolean limited() {
            return maxBytes > 0 || maxMessages > 0;
        }
    }

    private final Config config;
    private final BrokerMemory broker;
    private final String queueName;
    private final EngineRuntime runtime;
    private final boolean limited;
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong messages = new AtomicLong();
    private final ConcurrentLinkedQueue<Runnable> waiters = new ConcurrentLinkedQueue<>();
    /** Senders held at a full queue are woken once it holds at most this many bytes / messages. */
    private final long resumeBytes;
    private final long resumeMessages;

    /**
     * Senders held at a full queue are woken once it is down to this fraction of its limits (and
     * has room for at least one more message), so a producer that outruns its consumers resumes
     * in bursts instead of being held and woken again for every message the consumers take.
     */
    static final double RESUME_FRACTION = 0.9;

    /** @param broker the broker-wide bound, or null */
    QueueLimits(Config config, BrokerMemory broker, String queueName, EngineRuntime runtime) {
        this.config = config;
        this.broker = broker;
        this.queueName = queueName;
        this.runtime = runtime;
        this.limited = config.limited() || broker != null;
        this.resumeBytes = (long) (config.maxBytes * RESUME_FRACTION);
        this.resumeMessages = Math.min(config.maxMessages - 1, (long) (config.maxMessages * RESUME_FRACTION));
    }

    public Config config() {
        return config;
    }

    /** Whether a send may add a message now. Any thread; up to three volatile reads. */
    public boolean hasRoom() {
        return !limited
                || ((config.maxBytes <= 0 || bytes.get() < config.maxBytes)
                && (config.maxMessages <= 0 || messages.get() < config.maxMessages)
                && (broker == null || !broker.full()));
    }

    /** Estimated bytes of the messages held (0 when unlimited: nothing is counted). */
    public long heldBytes() {
        return bytes.get();
    }

    /** Messages held (0 when unlimited: nothing is counted). */
    public long heldMessages() {
        return messages.get();
    }

    /** {@code message} is handed to the queue. Any thread. */
    void added(MessageData message) {
        if (limited) {
            int size = message.estimatedSize();
            bytes.addAndGet(size);
            messages.incrementAndGet();
            if (broker != null) {
                broker.added(size);
            }
        }
    }

    /** {@code message} left the queue; waiting senders are woken once there is room. Queue executor. */
    void removed(MessageData message) {
        if (limited) {
            int size = message.estimatedSize();
            bytes.addAndGet(-size);
            messages.decrementAndGet();
            if (broker != null) {
                broker.removed(size);
            }
            if (!waiters.isEmpty() && downToResumeMark()) {
                wakeAll();
            }
        }
    }

    /** Whether held senders may resume: at most {@link #RESUME_FRACTION} of each limit is held. */
    private boolean downToResumeMark() {
        return (config.maxBytes <= 0 || bytes.get() <= resumeBytes)
                && (config.maxMessages <= 0 || messages.get() <= resumeMessages)
                && (broker == null || !broker.full());
    }

    /**
     * Runs {@code waker} on the broker's pool once the queue is down to its resume mark (at once
     * when it is now, or when the queue is deleted). A waker may run more than once; it must be
     * idempotent.
     */
    public void await(Runnable waker) {
        waiters.add(waker);
        if (broker != null) {
            broker.watch(this::wakeAll);
        }
        if (downToResumeMark()) {
            wakeAll();
        }
    }

    /** How many wakers wait for room (for tests and diagnostics). */
    int waiting() {
        return waiters.size();
    }

    /** Wakes every waiting sender, e.g. because the queue was deleted. Any thread. */
    void wakeAll() {
        Runnable w;
        while ((w = waiters.poll()) != null) {
            runtime.execute(w);
        }
    }

    /** Why a send to this full queue fails at once (fullPolicy=fail). */
    public EngineException fullError() {
        if (brokerFull()) {
            return new EngineException(EngineException.Kind.RESOURCE_ALLOCATION, "cannot send to " + describe()
                    + ": the broker is full (" + broker.usage() + "; fullPolicy=fail); consume messages or raise "
                    + "maxBrokerBytes");
        }
        return new EngineException(EngineException.Kind.RESOURCE_ALLOCATION, "cannot send to " + describe()
                + ": it is full (" + usage() + "; fullPolicy=fail); consume messages or raise "
                + limitOption() + "@" + config.destination);
    }

    /** Why a send that waited {@code waitedMillis} for room fails (fullPolicy=block). */
    public EngineException timeoutError(long waitedMillis) {
        if (brokerFull()) {
            return new EngineException(EngineException.Kind.RESOURCE_ALLOCATION, "send timed out after "
                    + waitedMillis + " ms waiting for space in the broker for " + describe() + " (" + broker.usage()
                    + "; sendTimeout=" + config.sendTimeout + "); consume messages, or raise maxBrokerBytes or "
                    + "sendTimeout");
        }
        return new EngineException(EngineException.Kind.RESOURCE_ALLOCATION, "send timed out after " + waitedMillis
                + " ms waiting for space in " + describe() + " (" + usage() + "; sendTimeout=" + config.sendTimeout
                + "); consume messages, or raise " + limitOption() + "@" + config.destination + " or sendTimeout");
    }

    /** Whether the broker's bound, not this queue's own, is what is full. */
    private boolean brokerFull() {
        boolean ownFull = (config.maxBytes > 0 && bytes.get() >= config.maxBytes)
                || (config.maxMessages > 0 && messages.get() >= config.maxMessages);
        return !ownFull && broker != null && broker.full();
    }

    private String describe() {
        return queueName.equals(config.destination) ? "queue '" + queueName + "'"
                : "'" + queueName + "' (limits of '" + config.destination + "')";
    }

    private String usage() {
        StringBuilder sb = new StringBuilder("holds ").append(messages.get()).append(" message(s), ")
                .append(bytes.get()).append(" bytes");
        if (config.maxBytes > 0) {
            sb.append("; maxQueueBytes=").append(config.maxBytes);
        }
        if (config.maxMessages > 0) {
            sb.append("; maxQueueMessages=").append(config.maxMessages);
        }
        return sb.toString();
    }

    private String limitOption() {
        boolean messagesFull = config.maxMessages > 0 && messages.get() >= config.maxMessages;
        return (messagesFull ? LimitOptions.MAX_QUEUE_MESSAGES : LimitOptions.MAX_QUEUE_BYTES).name();
    }
}
