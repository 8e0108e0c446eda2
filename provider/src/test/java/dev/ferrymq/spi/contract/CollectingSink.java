package dev.ferrymq.spi.contract;

import dev.ferrymq.spi.Delivery;
import dev.ferrymq.spi.DeliverySink;
import dev.ferrymq.spi.EngineException;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@link DeliverySink} that queues what the engine pushes, for tests to take with timeouts.
 * Thread-safe: the engine calls it on its threads, the test reads it on its own.
 */
public final class CollectingSink implements DeliverySink {

    private final BlockingQueue<Delivery> deliveries = new LinkedBlockingQueue<>();

    /** A sink that gives {@code each} every delivery, local redeliveries included, in the order they come. */
    public static DeliverySink each(java.util.function.Consumer<Delivery> each) {
        return new DeliverySink() {
            @Override
            public void onDelivery(Delivery delivery) {
                each.accept(delivery);
            }

            @Override
            public void onRedelivery(List<Delivery> redeliveries) {
                redeliveries.forEach(each);
            }
        };
    }

    private final BlockingQueue<List<Delivery>> redeliveries = new LinkedBlockingQueue<>();
    final CompletableFuture<EngineException> closed = new CompletableFuture<>();

    @Override
    public void onDelivery(Delivery delivery) {
        deliveries.add(delivery);
    }

    @Override
    public void onRedelivery(List<Delivery> batch) {
        redeliveries.add(List.copyOf(batch));
    }

    @Override
    public void onClosed(EngineException reason) {
        closed.complete(reason);
    }

    /** The next delivery; fails the test when none comes within {@link EngineContractSupport#TIMEOUT_MS}. */
    public Delivery next() {
        Delivery d = poll(deliveries, EngineContractSupport.TIMEOUT_MS);
        assertThat(d).as("a delivery within %d ms", EngineContractSupport.TIMEOUT_MS).isNotNull();
        return d;
    }

    public List<Delivery> next(int n) {
        List<Delivery> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(next());
        }
        return out;
    }

    public List<String> bodies(int n) {
        return next(n).stream().map(EngineContractSupport::body).toList();
    }

    /** The next batch of local redeliveries ({@link #onRedelivery}). */
    public List<Delivery> nextRedeliveries() {
        List<Delivery> batch = poll(redeliveries, EngineContractSupport.TIMEOUT_MS);
        assertThat(batch).as("local redeliveries within %d ms", EngineContractSupport.TIMEOUT_MS).isNotNull();
        return batch;
    }

    /** Asserts that nothing is pushed within {@link EngineContractSupport#QUIET_MS}. */
    public void assertNothing() {
        assertThat(poll(deliveries, EngineContractSupport.QUIET_MS)).as("no delivery").isNull();
    }

    private static <T> T poll(BlockingQueue<T> queue, long millis) {
        try {
            return queue.poll(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
