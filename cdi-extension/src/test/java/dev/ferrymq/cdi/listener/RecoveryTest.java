package dev.ferrymq.cdi.listener;

import dev.ferrymq.cdi.CdiOption;
import dev.ferrymq.cdi.JmsListener;
import dev.ferrymq.cdi.support.Cdi;
import dev.ferrymq.cdi.support.Jms;
import dev.ferrymq.cdi.support.TestBroker;
import dev.ferrymq.cdi.support.TestFactoryProducer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.se.SeContainer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * A listener method survives its broker stopping and starting again: its consumers fail, and the
 * container reconnects every {@code ferrymq.cdi.recoveryInterval} until it can (as Spring's
 * DefaultMessageListenerContainer does). FerryMQ only: the test stops and restarts the in-JVM broker.
 */
@Timeout(60)
class RecoveryTest {

    static final BlockingQueue<String> CALLS = new LinkedBlockingQueue<>();
    private static SeContainer container;

    @ApplicationScoped
    static class Listeners {
        @JmsListener(queue = "recovery.q")
        void onMessage(String body) {
            CALLS.add(body);
        }
    }

    @BeforeAll
    static void boot() {
        assumeFalse(TestBroker.artemis(), "stops and restarts FerryMQ's in-JVM broker");
        System.setProperty(CdiOption.RECOVERY_INTERVAL.key(), "100");
        TestBroker.start();
        container = Cdi.boot(TestFactoryProducer.class, Listeners.class);
    }

    @AfterAll
    static void shutdown() {
        if (container != null) {
            container.close();
        }
        TestBroker.stop();
        System.clearProperty(CdiOption.RECOVERY_INTERVAL.key());
    }

    @Test
    @DisplayName("A listener whose broker stopped reconnects when the broker runs again and receives what is sent then")
    void reconnectsAfterTheBrokerRestarts() throws Exception {
        Jms.send("recovery.q", "before");
        assertThat(CALLS.poll(10, TimeUnit.SECONDS)).isEqualTo("before");

        TestBroker.stopFerryKeepingFactory();
        Jms.send("recovery.q", "after");

        assertThat(CALLS.poll(20, TimeUnit.SECONDS)).as("received after the reconnect").isEqualTo("after");
    }
}
