package dev.ferrymq.cdi.sample;

import jakarta.enterprise.inject.se.SeContainer;
import jakarta.enterprise.inject.se.SeContainerInitializer;

import java.util.concurrent.TimeUnit;

/**
 * A runnable CDI SE application: the FerryMQ extension is found on the class path (no beans.xml,
 * no registration), the producer sends two orders to the in-JVM broker {@code vm://default}, and
 * the listener method prints them. Needs a CDI SE container (Weld or OpenWebBeans) on the class path.
 */
public final class CdiSample {

    private CdiSample() {
    }

    public static void main(String[] args) throws InterruptedException {
        try (SeContainer container = SeContainerInitializer.newInstance()
                .addBeanClasses(OrderService.class, OrderListener.class)
                .initialize()) {
            OrderService orders = container.select(OrderService.class).get();
            orders.place("2 x espresso", 4);
            orders.place("1 x croissant", 1);
            if (!OrderListener.RECEIVED.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the orders did not arrive within 10 s");
            }
        }
        System.out.println("Container closed: listeners stopped, connections closed.");
    }
}
