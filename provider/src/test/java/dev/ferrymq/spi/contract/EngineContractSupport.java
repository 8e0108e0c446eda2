package dev.ferrymq.spi.contract;

import dev.ferrymq.spi.AckMode;
import dev.ferrymq.spi.BodyType;
import dev.ferrymq.spi.Completion;
import dev.ferrymq.spi.ConnectionInfo;
import dev.ferrymq.spi.ConsumerInfo;
import dev.ferrymq.spi.Delivery;
import dev.ferrymq.spi.DestinationRef;
import dev.ferrymq.spi.Engine;
import dev.ferrymq.spi.EngineConnection;
import dev.ferrymq.spi.EngineConsumer;
import dev.ferrymq.spi.EngineException;
import dev.ferrymq.spi.EngineSession;
import dev.ferrymq.spi.MessageData;
import dev.ferrymq.spi.ReleaseReason;
import dev.ferrymq.spi.SessionInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.fail;

/**
 * The base of every contract class: a fresh broker and connection per test from the
 * implementation's {@link EngineFixture}, and blocking wrappers around the asynchronous SPI calls.
 * The suite speaks only {@code dev.ferrymq.spi}, so any engine can run it.
 */
@Timeout(30)
public abstract class EngineContractSupport {

    static final long TIMEOUT_MS = 5_000;
    /** How long "nothing arrives" is checked for. */
    static final long QUIET_MS = 150;

    private static final AtomicLong IDS = new AtomicLong();

    private EngineFixture fixture;
    /** The test's broker. */
    protected Engine engine;
    /** A connection to {@link #engine}, without client ID. */
    protected EngineConnection connection;

    /** A new fixture of the implementation under test, for one test. */
    protected abstract EngineFixture newFixture();

    @BeforeEach
    final void startEngine() {
        fixture = newFixture();
        engine = fixture.start(Map.of());
        connection = connect(engine, null);
    }

    @AfterEach
    final void stopEngines() {
        fixture.stopAll();
    }

    /** Another broker of the same implementation, with {@code options}. */
    protected Engine startEngine(Map<String, String> options) {
        return fixture.start(options);
    }

    protected static EngineConnection connect(Engine engine, String clientId) {
        return await(c -> engine.openConnection(
                new ConnectionInfo("contract-" + IDS.incrementAndGet(), clientId, null, null), e -> { }, c));
    }

    protected static EngineSession session(EngineConnection c, AckMode mode) {
        return await(done -> c.createSession(new SessionInfo(mode), done));
    }

    protected static EngineConsumer consumer(EngineSession s, ConsumerInfo info, CollectingSink sink) {
        return await(done -> s.createConsumer(info, sink, done));
    }

    /** A consumer of {@code destination} with ample credit. */
    protected static EngineConsumer consumer(EngineSession s, DestinationRef destination, CollectingSink sink) {
        return consumer(s, ConsumerInfo.of(destination, null, false, 1_000), sink);
    }

    /** A text message to {@code destination}, PERSISTENT when the fixture stores such messages. */
    protected MessageData.Builder message(DestinationRef destination, String body) {
        return MessageData.builder().messageId("ID:contract-" + IDS.incrementAndGet()).destination(destination)
                .timestamp(System.currentTimeMillis()).persistent(fixture.stores()).body(BodyType.TEXT, body);
    }

    protected void send(EngineSession s, DestinationRef destination, String... bodies) {
        for (String body : bodies) {
            MessageData m = message(destination, body).build();
            EngineContractSupport.<Void>await(done -> s.send(m, done));
        }
    }

    protected static void acknowledge(EngineSession s, Delivery d) {
        EngineContractSupport.<Void>await(done -> s.acknowledge(d, done));
    }

    protected static void releaseUnseen(EngineSession s, List<Delivery> ds) {
        EngineContractSupport.<Void>await(done -> s.releaseUnseen(ds, done));
    }

    protected static void release(EngineSession s, List<Delivery> ds, ReleaseReason.Cause cause) {
        EngineContractSupport.<Void>await(done -> s.release(ds, ReleaseReason.of(cause), done));
    }

    protected static void close(EngineSession s) {
        EngineContractSupport.<Void>await(s::close);
    }

    protected static String body(Delivery d) {
        return (String) d.message().body();
    }

    /** Runs an SPI call and waits for its completion; a failure is rethrown as the EngineException. */
    protected static <T> T await(Consumer<Completion<T>> call) {
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
            throw new AssertionError("engine call did not complete within " + TIMEOUT_MS + " ms", e);
        }
    }

    /** Runs an SPI call that must fail, and returns its failure. */
    protected static <T> EngineException failure(Consumer<Completion<T>> call) {
        try {
            T result = await(call);
            return fail("expected a failure but the call completed with " + result);
        } catch (EngineException e) {
            return e;
        }
    }
}
