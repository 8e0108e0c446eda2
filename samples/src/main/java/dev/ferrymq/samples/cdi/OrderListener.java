package dev.ferrymq.samples.cdi;

import dev.ferrymq.cdi.JmsListener;
import dev.ferrymq.cdi.JmsProperty;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The CDI sample's consumer: a listener method that takes the text body and a property. It runs on
 * the extension's listener threads; it hands what it got to the sample's main thread.
 */
@ApplicationScoped
public class OrderListener {

    /** What the listener received, in order, for {@link CdiSample} to print. */
    static final BlockingQueue<String> RECEIVED = new LinkedBlockingQueue<>();

    @JmsListener(queue = "orders", concurrency = "1-4")
    public void onOrder(String order, @JmsProperty("priority") int priority) {
        RECEIVED.add(order + " (priority " + priority + ")");
    }
}
