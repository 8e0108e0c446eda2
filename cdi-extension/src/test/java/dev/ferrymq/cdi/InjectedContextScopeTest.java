package dev.ferrymq.cdi;

import dev.ferrymq.cdi.inject.OpenContexts;
import dev.ferrymq.cdi.support.Cdi;
import dev.ferrymq.cdi.support.CountingConnectionFactory;
import dev.ferrymq.cdi.support.TestBroker;
import dev.ferrymq.cdi.support.TestFactoryProducer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.se.SeContainer;
import jakarta.inject.Inject;
import jakarta.jms.IllegalStateRuntimeException;
import jakarta.jms.InvalidDestinationRuntimeException;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSPasswordCredential;
import jakarta.jms.JMSSessionMode;
import jakarta.jms.Queue;
import jakarta.jms.TemporaryQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * Scope of injected JMSContexts (Jakarta Messaging 12.4.4), restrictions on them (12.4.5), and the
 * rule outside a request: one context per injection point and thread, closed with its bean or the
 * container.
 *
 * <p>Whether two injected contexts are the same one is observed through the spec's rule that only
 * the connection that created a temporary queue may consume from it (6.2.4 / 4.4.3): consuming from
 * another context's temporary queue fails.
 */
@Timeout(60)
class InjectedContextScopeTest {

    private CountingConnectionFactory factory;

    @BeforeEach
    void startBroker() {
        factory = TestBroker.start();
    }

    @AfterEach
    void stopBroker() {
        TestBroker.stop();
    }

    @Dependent
    static class First {
        @Inject
        JMSContext context;
        @Inject
        @JMSSessionMode(JMSContext.DUPS_OK_ACKNOWLEDGE)
        JMSContext dupsOk;
    }

    @Dependent
    static class Second {
        @Inject
        JMSContext context;
    }

    @Dependent
    static class WithCredentials {
        @Inject
        @JMSPasswordCredential(userName = "app", password = "secret")
        JMSContext context;
    }

    @ApplicationScoped
    static class Holder {
        @Inject
        JMSContext context;

        JMSContext context() {
            return context;
        }
    }

    private static boolean sameContext(JMSContext a, JMSContext b) {
        TemporaryQueue queue = a.createTemporaryQueue();
        try {
            b.createConsumer(queue).close();
            return true;
        } catch (InvalidDestinationRuntimeException e) {
            return false;
        }
    }

    @Test
    @DisplayName("12.4.4: in a request, injection points with identical annotations share one context; other annotations get another; all closed when the request ends")
    void requestScopeSharesAndCloses() throws Exception {
        try (SeContainer container = Cdi.boot(TestFactoryProducer.class, First.class, Second.class)) {
            assumeFalse(Cdi.requestScopeAlwaysActive(container), Cdi.OWB_REQUEST_SCOPE);
            RequestContextController request = container.select(RequestContextController.class).get();
            First first = container.select(First.class).get();
            Second second = container.select(Second.class).get();
            request.activate();
            try {
                assertThat(sameContext(first.context, second.context)).isTrue();
                assertThat(sameContext(first.dupsOk, second.context)).isFalse();
                assertThat(first.dupsOk.getSessionMode()).isEqualTo(JMSContext.DUPS_OK_ACKNOWLEDGE);
                assertThat(factory.open()).isEqualTo(2);
            } finally {
                request.deactivate();
            }
            assertThat(factory.open()).isZero();
            request.activate();
            try {
                first.context.createProducer().send(first.context.createQueue("scope-check"), "in a second request");
                assertThat(factory.open()).isEqualTo(1);
            } finally {
                request.deactivate();
            }
            assertThat(factory.open()).isZero();
        }
    }

    @Test
    @DisplayName("Outside a request: one context per injection point and thread, reused by that thread, different across threads and injection points")
    void outsideRequestOnePerInjectionPointAndThread() throws Exception {
        try (SeContainer container = Cdi.boot(TestFactoryProducer.class, First.class, Second.class)) {
            assumeFalse(Cdi.requestScopeAlwaysActive(container), Cdi.OWB_REQUEST_SCOPE);
            First first = container.select(First.class).get();
            Second second = container.select(Second.class).get();
            assertThat(sameContext(first.context, first.context)).isTrue();
            assertThat(sameContext(first.context, second.context)).isFalse();
            TemporaryQueue mainThreads = first.context.createTemporaryQueue();
            ExecutorService other = Executors.newSingleThreadExecutor();
            try {
                Future<Boolean> consumedElsewhere = other.submit(() -> {
                    try {
                        first.context.createConsumer(mainThreads).close();
                        return true;
                    } catch (InvalidDestinationRuntimeException e) {
                        return false;
                    }
                });
                assertThat(consumedElsewhere.get(10, TimeUnit.SECONDS)).isFalse();
            } finally {
                other.shutdown();
            }
        }
        assertThat(factory.open()).isZero();
    }

    @Test
    @DisplayName("Outside a request: eight threads use one injected context at once, each with its own, and none is left open after shutdown")
    void manyThreadsAtOnceAndNoLeakAfterShutdown() throws Exception {
        int threads = 8;
        int perThread = 50;
        SeContainer container = Cdi.boot(TestFactoryProducer.class, Holder.class);
        Holder holder = container.select(Holder.class).get();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CyclicBarrier start = new CyclicBarrier(threads);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String queueName = "threads-" + t;
                Callable<Integer> work = () -> {
                    start.await(10, TimeUnit.SECONDS);
                    Queue queue = holder.context().createQueue(queueName);
                    for (int i = 0; i < perThread; i++) {
                        holder.context().createProducer().send(queue, "m" + i);
                    }
                    int received = 0;
                    try (var consumer = holder.context().createConsumer(queue)) {
                        while (received < perThread && consumer.receiveBody(String.class, 5000) != null) {
                            received++;
                        }
                    }
                    return received;
                };
                results.add(pool.submit(work));
            }
            for (Future<Integer> result : results) {
                assertThat(result.get(30, TimeUnit.SECONDS)).isEqualTo(perThread);
            }
            assertThat(container.select(OpenContexts.class).get().count()).isEqualTo(threads);
            assertThat(factory.open()).isEqualTo(threads);
        } finally {
            pool.shutdown();
            container.close();
        }
        assertThat(factory.open()).isZero();
        assertThat(factory.opened()).isEqualTo(threads);
    }

    @Test
    @DisplayName("Outside a request: destroying the bean closes its injected contexts")
    void destroyingTheBeanClosesItsContexts() {
        try (SeContainer container = Cdi.boot(TestFactoryProducer.class, Second.class)) {
            assumeFalse(Cdi.requestScopeAlwaysActive(container), Cdi.OWB_REQUEST_SCOPE);
            Instance<Second> beans = container.select(Second.class);
            Second second = beans.get();
            second.context.createProducer().send(second.context.createQueue("destroy-check"), "x");
            assertThat(factory.open()).isEqualTo(1);
            beans.destroy(second);
            assertThat(factory.open()).isZero();
            assertThatThrownBy(() -> second.context.createQueue("after-destroy")).isInstanceOf(IllegalStateRuntimeException.class);
        }
    }

    @Test
    @DisplayName("12.4.3: @JMSPasswordCredential opens the context with that user; other credentials are other annotations, so another context")
    void passwordCredential() {
        try (SeContainer container = Cdi.boot(TestFactoryProducer.class, WithCredentials.class, Second.class)) {
            JMSContext withCredentials = container.select(WithCredentials.class).get().context;
            withCredentials.createProducer().send(withCredentials.createQueue("credentials"), "x");
            assertThat(factory.lastUserName()).isEqualTo("app");
            assertThat(sameContext(withCredentials, container.select(Second.class).get().context)).isFalse();
        }
    }

    @Test
    @DisplayName("12.4.5: the ten methods that change a container-managed context's state throw IllegalStateRuntimeException")
    void forbiddenMethodsThrow() {
        try (SeContainer container = Cdi.boot(TestFactoryProducer.class, Second.class)) {
            JMSContext context = container.select(Second.class).get().context;
            Map<String, Consumer<JMSContext>> forbidden = Map.of(
                    "setClientID", c -> c.setClientID("x"),
                    "setExceptionListener", c -> c.setExceptionListener(e -> { }),
                    "stop", JMSContext::stop,
                    "acknowledge", JMSContext::acknowledge,
                    "commit", JMSContext::commit,
                    "rollback", JMSContext::rollback,
                    "recover", JMSContext::recover,
                    "setAutoStart", c -> c.setAutoStart(false),
                    "start", JMSContext::start,
                    "close", JMSContext::close);
            forbidden.forEach((name, call) -> assertThatThrownBy(() -> call.accept(context))
                    .as(name).isInstanceOf(IllegalStateRuntimeException.class).hasMessageContaining(name));
            assertThatNoException().isThrownBy(() -> context.createProducer().send(context.createQueue("still-usable"), "ok"));
        }
    }
}
