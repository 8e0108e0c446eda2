package dev.ferrymq.client;

import dev.ferrymq.FerryConnectionFactory;
import dev.ferrymq.client.fake.FakeBroker;
import dev.ferrymq.client.fake.FakeEngineProvider;

import java.util.concurrent.atomic.AtomicInteger;

/** A fresh fake broker per test: its name and a factory for it. */
final class FakeBrokers {

    private static final AtomicInteger COUNT = new AtomicInteger();

    final String name = "b" + COUNT.incrementAndGet();
    final FakeBroker broker = FakeEngineProvider.broker(name);

    FerryConnectionFactory factory() {
        return new FerryConnectionFactory("fake://" + name);
    }

    FerryConnectionFactory factory(String query) {
        return new FerryConnectionFactory("fake://" + name + "?" + query);
    }
}
