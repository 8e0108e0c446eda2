package dev.ferrymq.engine;

import dev.ferrymq.spi.EngineProvider;
import dev.ferrymq.spi.contract.CollectingSink;
import dev.ferrymq.spi.AckMode;
import dev.ferrymq.spi.BodyType;
import dev.ferrymq.spi.Completion;
import dev.ferrymq.spi.ConnectionInfo;
import dev.ferrymq.spi.ConsumerInfo;
import dev.ferrymq.spi.Delivery;
import dev.ferrymq.spi.DeliverySink;
import dev.ferrymq.spi.DestinationRef;
import dev.ferrymq.spi.Engine;
import dev.ferrymq.spi.EngineConnection;
import dev.ferrymq.spi.EngineConsumer;
import dev.ferrymq.spi.EngineException;
import dev.ferrymq.spi.EngineSession;
import dev.ferrymq.spi.Engines;
import dev.ferrymq.spi.MessageData;
import dev.ferrymq.spi.SessionInfo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/** Test helpers: a broker with a unique name, blocking wrappers around SPI calls, collecting sinks. */
final class EngineTestSupport implements AutoCloseable {

    static final long TIMEOUT_MS = 5_000;
    /** How long "nothing arrives" is checked for. */
    static final long QUIET_MS = 150;

    private static final AtomicLong IDS = new AtomicLong();

    final String name;
    final Engine engine;

    EngineTestSupport() {
        this(Map.of());
    }

    EngineTestSupport(Map<String, String> options) {
        this.name = "t-" + UUID.randomUUID().toString().substring(0, 8);
        EngineProvider vm = Engines.forScheme("vm");
        this.engine = vm.engine(name, vm.options().parse(options));
    }

    Broker broker() {
        return Brokers.find(name);
    }

    @Override
    public void close() {
        Brokers.stop(name);
    }

    EngineConnection connect() {
        return connect(null);
    }

    EngineConnection connect(String clientId) {
        return await(c -> engine.openConnection(new ConnectionInfo("c" + IDS.incrementAndGet(), clientId, null, null),
                e -> { }, c));
    }

    static EngineSession session(EngineConnection c, AckMode mode) {
        return await(done -> c.createSession(new SessionInfo(mode), done));
    }

    static EngineConsumer consumer(EngineSession s, ConsumerInfo info, DeliverySink sink) {
        return await(done -> s.createConsumer(info, sink, done));
    }

    static EngineConsumer consumer(EngineSession s, DestinationRef dest, DeliverySink sink) {
        return consumer(s, ConsumerInfo.of(dest, null, false, 100_000), sink);
    }

    static EngineConsumer consumer(EngineSession s, ConsumerInfo info, java.util.function.Consumer<Delivery> each) {
        return consumer(s, info, sink(each));
    }

    static EngineConsumer consumer(EngineSession s, DestinationRef dest, java.util.function.Consumer<Delivery> each) {
        return consumer(s, dest, sink(each));
    }

    /** A sink that gives {@code each} every delivery, local redeliveries included ({@link CollectingSink#each}). */
    static DeliverySink sink(java.util.function.Consumer<Delivery> each) {
        return CollectingSink.each(each);
    }

    static void send(EngineSession s, MessageData m) {
        EngineTestSupport.<Void>await(done -> s.send(m, done));
    }

    static MessageData text(DestinationRef dest, String body) {
        return message(dest, body).build();
    }

    static MessageData.Builder message(DestinationRef dest, String body) {
        return MessageData.builder().messageId("ID:" + body + "-" + IDS.incrementAndGet())
                .destination(dest).timestamp(System.currentTimeMillis()).body(BodyType.TEXT, body);
    }

    static MessageData withProperty(DestinationRef dest, String body, String key, Object value) {
        Map<String, Object> props = new HashMap<>();
        props.put(key, value);
        return message(dest, body).properties(props).build();
    }

    static String body(Delivery d) {
        return (String) d.message().body();
    }

    /** Runs an SPI call and waits for its completion; a failure is rethrown as the EngineException. */
    static <T> T await(Consumer<Completion<T>> call) {
        CompletableFuture<T> f = new CompletableFuture<>();
        call.accept(new Completion<>() {
            @Override
            public void complete(T result) {
                f.complete(result);
            }

            @Override
            public void fail(EngineException error) {
                f.completeExceptionally(error);
            }
        });
        try {
            return f.get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw (EngineException) e.getCause();
        } catch (Exception e) {
            throw new AssertionError("engine call did not complete", e);
        }
    }

    /** Runs an SPI call that must fail, and returns its failure. */
    static <T> EngineException failure(Consumer<Completion<T>> call) {
        try {
            T result = await(call);
            return fail("expected a failure but the call completed with " + result);
        } catch (EngineException e) {
            return e;
        }
    }

    /** Waits (in receive-timeout steps, never a bare sleep) until {@code condition} holds. */
    static void eventually(BooleanSupplier condition) {
        BlockingQueue<Object> ticks = new LinkedBlockingQueue<>();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(TIMEOUT_MS);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("condition not met within " + TIMEOUT_MS + " ms");
            }
            try {
                ticks.poll(10, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
        }
    }

    /** A sink that collects deliveries in a queue, for tests to poll with timeouts. */
    static final class Sink implements DeliverySink {
        final BlockingQueue<Delivery> deliveries = new LinkedBlockingQueue<>();
        final CompletableFuture<EngineException> closed = new CompletableFuture<>();

        @Override
        public void onDelivery(Delivery delivery) {
            deliveries.add(delivery);
        }

        /** Local redeliveries go to the front, before what is still queued, as the SPI asks. */
        @Override
        public void onRedelivery(List<Delivery> redeliveries) {
            List<Delivery> rest = new ArrayList<>();
            deliveries.drainTo(rest);
            deliveries.addAll(redeliveries);
            deliveries.addAll(rest);
        }

        @Override
        public void onClosed(EngineException reason) {
            closed.complete(reason);
        }

        /** The next delivery; fails the test after {@link #TIMEOUT_MS}. */
        Delivery next() {
            Delivery d = poll(TIMEOUT_MS);
            assertThat(d).as("a delivery within %d ms", TIMEOUT_MS).isNotNull();
            return d;
        }

        Delivery poll(long millis) {
            try {
                return deliveries.poll(millis, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }

        List<Delivery> next(int n) {
            List<Delivery> out = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                out.add(next());
            }
            return out;
        }

        List<String> bodies(int n) {
            return next(n).stream().map(EngineTestSupport::body).toList();
        }

        void assertNothing() {
            assertThat(poll(QUIET_MS)).as("no delivery").isNull();
        }
    }
}
