package dev.ferrymq.engine;

import dev.ferrymq.spi.config.EngineOptions;
import dev.ferrymq.engine.EngineTestSupport.Sink;
import dev.ferrymq.spi.AckMode;
import dev.ferrymq.spi.ConnectionInfo;
import dev.ferrymq.spi.DestinationRef;
import dev.ferrymq.spi.DestinationType;
import dev.ferrymq.spi.EngineConnection;
import dev.ferrymq.spi.EngineConsumer;
import dev.ferrymq.spi.EngineException;
import dev.ferrymq.spi.EngineProvider;
import dev.ferrymq.spi.EngineSession;
import dev.ferrymq.spi.Engines;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static dev.ferrymq.engine.EngineTestSupport.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Connections, client IDs, temporary destinations, broker options and broker stop. */
@Timeout(30)
class ConnectionTest {

    @Test
    @DisplayName("Client identifier: a client ID held by another connection is INVALID_CLIENT_ID until it closes")
    void clientIdConflict() {
        try (EngineTestSupport b = new EngineTestSupport()) {
            EngineConnection first = b.connect("app");
            EngineException e = EngineTestSupport.<EngineConnection>failure(done -> b.engine.openConnection(
                    new ConnectionInfo("other", "app", null, null), x -> { }, done));
            assertThat(e.kind()).isEqualTo(EngineException.Kind.INVALID_CLIENT_ID);
            assertThat(e.getMessage()).contains("app");

            EngineConnection second = b.connect();
            assertThat(EngineTestSupport.<Void>failure(done -> second.setClientId("app", done)).kind())
                    .isEqualTo(EngineException.Kind.INVALID_CLIENT_ID);

            await(first::close);
            EngineTestSupport.<Void>await(done -> second.setClientId("app", done));
        }
    }

    @Test
    @DisplayName("Client identifier: of many connections claiming one client ID at once exactly one holds it; one connection cannot take a second ID")
    void clientIdClaimedOnce() throws Exception {
        try (EngineTestSupport b = new EngineTestSupport()) {
            int n = 16;
            EngineConnection[] connections = new EngineConnection[n];
            for (int i = 0; i < n; i++) {
                connections[i] = b.connect();
            }
            java.util.List<CompletableFuture<Boolean>> claims = new java.util.ArrayList<>();
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
            try {
                for (EngineConnection c : connections) {
                    CompletableFuture<Boolean> won = new CompletableFuture<>();
                    claims.add(won);
                    pool.execute(() -> {
                        try {
                            go.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        c.setClientId("contested", new dev.ferrymq.spi.Completion<>() {
                            @Override
                            public void complete(Void result) {
                                won.complete(true);
                            }

                            @Override
                            public void fail(EngineException error) {
                                won.complete(error.kind() == EngineException.Kind.INVALID_CLIENT_ID ? false : null);
                            }
                        });
                    });
                }
                go.countDown();
                long winners = 0;
                for (CompletableFuture<Boolean> f : claims) {
                    Boolean won = f.get(10, TimeUnit.SECONDS);
                    assertThat(won).as("every loser is told INVALID_CLIENT_ID").isNotNull();
                    winners += won ? 1 : 0;
                }
                assertThat(winners).isEqualTo(1);
            } finally {
                pool.shutdownNow();
            }
            EngineConnection holder = null;
            for (int i = 0; i < n; i++) {
                if (claims.get(i).get()) {
                    holder = connections[i];
                }
            }
            EngineConnection h = holder;
            assertThat(EngineTestSupport.<Void>failure(done -> h.setClientId("another", done)).kind())
                    .isEqualTo(EngineException.Kind.ILLEGAL_STATE);
            EngineTestSupport.<Void>await(done -> h.setClientId("contested", done));
            await(h::close);
            EngineConnection next = b.connect("contested");
            assertThat(next).as("the ID is free as soon as its holder's close completed").isNotNull();
        }
    }

    @Test
    @DisplayName("Creating temporary destinations: a temporary destination created while its connection closes is deleted with it, none is left behind")
    void temporaryCreatedDuringCloseIsDropped() throws Exception {
        try (EngineTestSupport b = new EngineTestSupport()) {
            EngineConnection owner = b.connect();
            EngineSession sender = session(b.connect(), AckMode.AUTO);
            int n = 200;
            java.util.List<CompletableFuture<DestinationRef>> created = new java.util.ArrayList<>();
            DestinationRef before = await(done -> owner.createTemporaryDestination(DestinationType.TEMPORARY_QUEUE, done));
            created.add(CompletableFuture.completedFuture(before));
            Thread creator = new Thread(() -> {
                for (int i = 0; i < n; i++) {
                    CompletableFuture<DestinationRef> f = new CompletableFuture<>();
                    created.add(f);
                    owner.createTemporaryDestination(DestinationType.TEMPORARY_QUEUE, new dev.ferrymq.spi.Completion<>() {
                        @Override
                        public void complete(DestinationRef ref) {
                            f.complete(ref);
                        }

                        @Override
                        public void fail(EngineException error) {
                            f.complete(null);
                        }
                    });
                }
            });
            creator.start();
            await(owner::close);
            creator.join(10_000);
            assertThat(creator.isAlive()).isFalse();
            for (CompletableFuture<DestinationRef> f : created) {
                DestinationRef ref = f.get(10, TimeUnit.SECONDS);
                if (ref != null) {
                    assertThat(EngineTestSupport.<Void>failure(done -> sender.send(text(ref, "x"), done)).kind())
                            .as("%s is gone with its connection", ref).isEqualTo(EngineException.Kind.INVALID_DESTINATION);
                }
            }
        }
    }

    @Test
    @DisplayName("Creating temporary destinations: unique names, consumable only by the creating connection")
    void temporaryOwnership() {
        try (EngineTestSupport b = new EngineTestSupport()) {
            EngineConnection owner = b.connect();
            EngineConnection other = b.connect();
            DestinationRef q1 = await(done -> owner.createTemporaryDestination(DestinationType.TEMPORARY_QUEUE, done));
            DestinationRef q2 = await(done -> owner.createTemporaryDestination(DestinationType.TEMPORARY_QUEUE, done));
            assertThat(q1.name()).isNotEqualTo(q2.name());
            assertThat(q1.type()).isEqualTo(DestinationType.TEMPORARY_QUEUE);

            EngineSession otherSession = session(other, AckMode.AUTO);
            EngineException e = EngineTestSupport.<EngineConsumer>failure(
                    done -> otherSession.createConsumer(dev.ferrymq.spi.ConsumerInfo.of(q1, null, false, 10), new Sink(), done));
            assertThat(e.kind()).isEqualTo(EngineException.Kind.INVALID_DESTINATION);
            assertThat(e.getMessage()).contains("another connection");

            Sink sink = new Sink();
            consumer(session(owner, AckMode.AUTO), q1, sink);
            send(otherSession, text(q1, "reply"));
            assertThat(body(sink.next())).isEqualTo("reply");
        }
    }

    @Test
    @DisplayName("TemporaryQueue.delete: refused while a consumer is open; afterwards sends are INVALID_DESTINATION")
    void temporaryDelete() {
        try (EngineTestSupport b = new EngineTestSupport()) {
            EngineConnection owner = b.connect();
            DestinationRef q = await(done -> owner.createTemporaryDestination(DestinationType.TEMPORARY_QUEUE, done));
            EngineSession s = session(owner, AckMode.AUTO);
            EngineConsumer c = consumer(s, q, new Sink());
            assertThat(EngineTestSupport.<Void>failure(done -> owner.deleteTemporaryDestination(q, done)).kind())
                    .isEqualTo(EngineException.Kind.ILLEGAL_STATE);

            EngineConnection other = b.connect();
            assertThat(EngineTestSupport.<Void>failure(done -> other.deleteTemporaryDestination(q, done)).kind())
                    .isEqualTo(EngineException.Kind.INVALID_DESTINATION);

            send(s, text(q, "cached-route"));
            await(c::close);
            EngineTestSupport.<Void>await(done -> owner.deleteTemporaryDestination(q, done));
            assertThat(EngineTestSupport.<Void>failure(done -> s.send(text(q, "late"), done)).kind())
                    .isEqualTo(EngineException.Kind.INVALID_DESTINATION);
            assertThat(EngineTestSupport.<Void>failure(done -> owner.deleteTemporaryDestination(q, done)).kind())
                    .isEqualTo(EngineException.Kind.INVALID_DESTINATION);
        }
    }

    @Test
    @DisplayName("TemporaryTopic: deleted with its connection; refused while a consumer is open")
    void temporaryTopicLifetime() {
        try (EngineTestSupport b = new EngineTestSupport()) {
            EngineConnection owner = b.connect();
            DestinationRef t = await(done -> owner.createTemporaryDestination(DestinationType.TEMPORARY_TOPIC, done));
            EngineSession s = session(owner, AckMode.AUTO);
            Sink sink = new Sink();
            EngineConsumer c = consumer(s, t, sink);
            EngineSession sender = session(b.connect(), AckMode.AUTO);
            send(sender, text(t, "hi"));
            assertThat(body(sink.next())).isEqualTo("hi");
            assertThat(EngineTestSupport.<Void>failure(done -> owner.deleteTemporaryDestination(t, done)).kind())
                    .isEqualTo(EngineException.Kind.ILLEGAL_STATE);
            await(c::close);
            await(owner::close);
            assertThat(EngineTestSupport.<Void>failure(done -> sender.send(text(t, "late"), done)).kind())
                    .isEqualTo(EngineException.Kind.INVALID_DESTINATION);
        }
    }

    @Test
    @DisplayName("Connection close: releases the client ID and closes sessions; later calls are ILLEGAL_STATE")
    void connectionClose() {
        try (EngineTestSupport b = new EngineTestSupport()) {
            EngineConnection c = b.connect("x");
            EngineSession s = session(c, AckMode.CLIENT);
            DestinationRef q = DestinationRef.queue("q");
            Sink sink = new Sink();
            consumer(s, q, sink);
            send(s, text(q, "m"));
            sink.next();
            await(c::close);
            assertThat(EngineTestSupport.<Void>failure(done -> s.send(text(q, "late"), done)).kind())
                    .isEqualTo(EngineException.Kind.ILLEGAL_STATE);
            EngineConnection again = b.connect("x");
            Sink other = new Sink();
            consumer(session(again, AckMode.AUTO), q, other);
            assertThat(other.next().deliveryCount()).isEqualTo(2);
        }
    }

    @Test
    @DisplayName("vm broker options are declared by the provider: text parsed against them refuses an unknown option or a bad value naming it; the broker gets typed values, and joining it with others gives the same broker")
    void brokerOptions() {
        EngineProvider vm = Engines.forScheme("vm");
        assertThatThrownBy(() -> vm.options().parse(Map.of("dispatchThread", "2")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'dispatchThread'").hasMessageContaining("dispatchThreads");
        assertThatThrownBy(() -> vm.options().parse(Map.of("dispatchThreads", "0")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'dispatchThreads'");
        assertThatThrownBy(() -> EngineOptions.defaults().with(BrokerOptions.DISPATCH_THREADS, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'dispatchThreads'");
        try (EngineTestSupport b = new EngineTestSupport(Map.of("dispatchThreads", "2"))) {
            assertThat(b.broker().options().get(BrokerOptions.DISPATCH_THREADS)).isEqualTo(2);
            assertThat(vm.engine(b.name, EngineOptions.defaults().with(BrokerOptions.DISPATCH_THREADS, 3)))
                    .isSameAs(b.engine);
            assertThat(b.broker().options().get(BrokerOptions.DISPATCH_THREADS)).isEqualTo(2);
        }
        assertThat(Brokers.find("opt-test")).isNull();
    }

    @Test
    @DisplayName("Brokers.stop: consumers' sinks get onClosed, listeners onException, and the name starts afresh")
    void brokerStop() throws Exception {
        EngineTestSupport b = new EngineTestSupport();
        CompletableFuture<EngineException> failure = new CompletableFuture<>();
        EngineConnection c = await(done -> b.engine.openConnection(new ConnectionInfo("stop-test", null, null, null),
                failure::complete, done));
        DestinationRef q = DestinationRef.queue("q");
        Sink sink = new Sink();
        EngineSession s = session(c, AckMode.AUTO);
        consumer(s, q, sink);
        send(s, text(q, "left-behind"));
        sink.next();
        send(s, message(q, "more").build());

        assertThat(Brokers.stop(b.name)).isTrue();
        assertThat(sink.closed.get(5, TimeUnit.SECONDS).kind()).isEqualTo(EngineException.Kind.ILLEGAL_STATE);
        assertThat(failure.get(5, TimeUnit.SECONDS).getMessage()).contains("stopped");
        assertThat(Brokers.find(b.name)).isNull();
        assertThat(EngineTestSupport.<Void>failure(done -> s.send(text(q, "late"), done)).kind())
                .isEqualTo(EngineException.Kind.ILLEGAL_STATE);

        EngineTestSupport fresh = new EngineTestSupport();
        try {
            assertThat(EngineTestSupport.<java.util.List<dev.ferrymq.spi.MessageData>>await(
                    done -> session(fresh.connect(), AckMode.AUTO).browse(q, null, done))).isEmpty();
        } finally {
            fresh.close();
        }
        assertThat(Brokers.stop(b.name)).isFalse();
    }

    @Test
    @DisplayName("Engine threads: daemon threads named ferrymq-<broker>-dispatch-N")
    void threadNames() {
        try (EngineTestSupport b = new EngineTestSupport(Map.of("inlineDispatch", "false"))) {
            EngineSession s = session(b.connect(), AckMode.AUTO);
            DestinationRef q = DestinationRef.queue("q");
            CompletableFuture<Thread> thread = new CompletableFuture<>();
            consumer(s, q, delivery -> thread.complete(Thread.currentThread()));
            send(s, text(q, "m"));
            Thread t = thread.join();
            assertThat(t.getName()).startsWith("ferrymq-" + b.name + "-dispatch-");
            assertThat(t.isDaemon()).isTrue();
        }
    }
}
