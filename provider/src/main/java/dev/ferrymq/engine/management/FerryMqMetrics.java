package dev.ferrymq.engine.management;

import dev.ferrymq.engine.exec.Await;
import dev.ferrymq.engine.queue.DurationStats;
import dev.ferrymq.engine.queue.MessageQueue;
import dev.ferrymq.engine.queue.QueueFigures;
import dev.ferrymq.engine.queue.QueueObserver;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * Micrometer meters for one broker's queues and topic subscriptions, tagged {@code broker},
 * {@code queue} (the queue's name; a subscription's is {@code topic::kind:clientId:name}),
 * {@code destination} (the queue or topic name) and {@code type} ({@code queue}, {@code topic},
 * {@code temporary_queue}, {@code temporary_topic}). Meters follow the queues: added when one is
 * created, removed when it is deleted or this binder is {@linkplain #close closed}.
 *
 * <pre>{@code
 * FerryMqMetrics metrics = new FerryMqMetrics(Brokers.find("orders"));   // users: dev.ferrymq.admin.FerryMqMetrics.forBroker("orders")
 * metrics.bindTo(registry);      // ... metrics.close() removes the meters again
 * }</pre>
 *
 * Only this class and {@link MicrometerSupport}'s helper name Micrometer types: the provider loads
 * and runs without Micrometer on the class path. Each meter reads a fresh snapshot
 * ({@link MessageQueue#figures}) taken on the queue's executor; a read that fails gives NaN.
 *
 * <p>Threading contract: thread-safe; bind to one registry.
 */
public final class FerryMqMetrics implements MeterBinder, QueueObserver, AutoCloseable {

    private static final System.Logger LOG = System.getLogger(FerryMqMetrics.class.getName());

    private final ManagedBroker broker;
    private final Map<MessageQueue, List<Meter>> meters = new ConcurrentHashMap<>();
    private volatile MeterRegistry registry;
    private volatile boolean closed;

    /** Meters for {@code broker} (e.g. {@code Brokers.find(name)}), once {@linkplain #bindTo bound}. */
    public FerryMqMetrics(ManagedBroker broker) {
        this.broker = broker;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        if (this.registry != null) {
            throw new IllegalStateException("FerryMqMetrics of broker '" + broker.name() + "' is already bound");
        }
        this.registry = registry;
        broker.addQueueObserver(this);
        broker.forEachQueue(this::created);
    }

    @Override
    public void created(MessageQueue queue) {
        MeterRegistry r = registry;
        if (r == null || closed || meters.containsKey(queue)) {
            return;
        }
        List<Meter> list = new ArrayList<>();
        if (meters.putIfAbsent(queue, list) != null) {
            return;
        }
        Tags tags = Tags.of("broker", broker.name(), "queue", queue.name(), "destination", queue.ref().name(),
                "type", queue.ref().type().name().toLowerCase(java.util.Locale.ROOT));
        Source s = new Source(queue);
        gauge(r, list, "ferrymq.queue.depth", "queue length n: messages held now", "messages", tags, s,
                f -> f.depth());
        gauge(r, list, "ferrymq.queue.available", "messages waiting for a consumer", "messages", tags, s,
                f -> f.stats().available());
        gauge(r, list, "ferrymq.queue.inflight", "messages delivered and not yet acknowledged", "messages", tags, s,
                f -> f.stats().outstanding());
        gauge(r, list, "ferrymq.queue.delayed", "messages waiting for a delayed redelivery", "messages", tags, s,
                f -> f.stats().delayed());
        gauge(r, list, "ferrymq.queue.consumers", "open consumers", "consumers", tags, s, f -> f.stats().consumers());
        gauge(r, list, "ferrymq.queue.reliability", "reliability p: acknowledged / (acknowledged + dead-lettered + expired)",
                null, tags, s, QueueFigures::reliability);
        counter(r, list, "ferrymq.messages.enqueued", "messages that arrived", tags, s, f -> f.stats().enqueued());
        counter(r, list, "ferrymq.messages.delivered", "deliveries to consumers", tags, s, f -> f.stats().delivered());
        counter(r, list, "ferrymq.messages.acknowledged", "messages consumed for good", tags, s,
                f -> f.stats().acknowledged());
        counter(r, list, "ferrymq.messages.redelivered", "messages delivered again", tags, s, QueueFigures::redelivered);
        counter(r, list, "ferrymq.messages.expired", "messages that expired", tags, s, f -> f.stats().expired());
        counter(r, list, "ferrymq.messages.deadlettered", "messages that used up their delivery attempts", tags, s,
                f -> f.stats().deadLettered());
        timer(r, list, "ferrymq.processing.time", "processing time t: delivery to acknowledgement", tags, s,
                QueueFigures::processing);
        timer(r, list, "ferrymq.acknowledgement.time", "acknowledgement time u: acknowledgement to durable", tags, s,
                QueueFigures::acknowledgement);
        timer(r, list, "ferrymq.retransmission.time", "retransmission time v: redelivery delay waited", tags, s,
                QueueFigures::retransmission);
        if (queue.isDeleted() || closed) {
            deleted(queue);
        }
    }

    @Override
    public void deleted(MessageQueue queue) {
        List<Meter> list = meters.remove(queue);
        MeterRegistry r = registry;
        if (list != null && r != null) {
            list.forEach(r::remove);
        }
    }

    /** Removes every meter this binder added and stops following the broker's queues. Idempotent. */
    @Override
    public void close() {
        closed = true;
        broker.removeQueueObserver(this);
        meters.keySet().forEach(this::deleted);
    }

    private static void gauge(MeterRegistry r, List<Meter> list, String name, String description, String unit,
                              Tags tags, Source s, ToDoubleFunction<QueueFigures> read) {
        list.add(Gauge.builder(name, s, x -> x.read(read)).description(description).baseUnit(unit).tags(tags)
                .strongReference(true).register(r));
    }

    private static void counter(MeterRegistry r, List<Meter> list, String name, String description, Tags tags,
                                Source s, ToDoubleFunction<QueueFigures> read) {
        list.add(FunctionCounter.builder(name, s, x -> x.read(read)).description(description).baseUnit("messages")
                .tags(tags).register(r));
    }

    private static void timer(MeterRegistry r, List<Meter> list, String name, String description, Tags tags,
                              Source s, Function<QueueFigures, DurationStats> which) {
        list.add(FunctionTimer.builder(name, s, x -> (long) x.read(f -> which.apply(f).count()),
                x -> x.read(f -> which.apply(f).totalMillis()), TimeUnit.MILLISECONDS)
                .description(description).tags(tags).register(r));
        list.add(Gauge.builder(name + ".max", s, x -> x.read(f -> which.apply(f).maxMillis()))
                .description(description + ", maximum").baseUnit("milliseconds").tags(tags)
                .strongReference(true).register(r));
    }

    /** What the meters of one queue read: a fresh snapshot per reading. */
    private static final class Source {
        private final MessageQueue queue;

        Source(MessageQueue queue) {
            this.queue = queue;
        }

        double read(ToDoubleFunction<QueueFigures> figure) {
            try {
                return figure.applyAsDouble(Await.result("reading the figures of " + queue.name(), queue::figures));
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.DEBUG, "meter of " + queue.name() + " not read: " + e.getMessage());
                return Double.NaN;
            }
        }
    }
}
