package dev.ferrymq.cdi.sample;

import dev.ferrymq.cdi.JmsListener;
import dev.ferrymq.cdi.JmsProperty;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.CountDownLatch;

/** The sample's consumer: a listener method taking the text body and a property. */
@ApplicationScoped
public class OrderListener {

    /** Counts down once per order, so that the sample's main knows when to stop. */
    static final CountDownLatch RECEIVED = new CountDownLatch(2);

    @JmsListener(queue = "orders", concurrency = "1-4")
    public void onOrder(String order, @JmsProperty("priority") int priority) {
        System.out.println("Received order: " + order + " (priority " + priority + ")");
        RECEIVED.countDown();
    }
}
