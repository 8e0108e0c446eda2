package dev.ferrymq.it;

import jakarta.jms.ConnectionFactory;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The providers the same application code runs on: FerryMQ (a broker of the test's own) and, to
 * tell a provider bug from a test bug, ActiveMQ Artemis (embedded, shared by the tests, which use
 * destination names of their own: {@link #unique}).
 */
public enum Provider {
    FERRYMQ {
        @Override
        public ConnectionFactory factory(FerryBroker broker) {
            return broker.factory();
        }
    },
    ARTEMIS {
        @Override
        public ConnectionFactory factory(FerryBroker broker) {
            return ArtemisBroker.factory();
        }
    };

    private static final AtomicInteger NAMES = new AtomicInteger();

    /** The provider's factory; for FerryMQ one connecting to {@code broker}. */
    public abstract ConnectionFactory factory(FerryBroker broker);

    /** A destination or subscription name no other test uses. */
    public static String unique(String what) {
        return what + "." + NAMES.incrementAndGet();
    }
}
