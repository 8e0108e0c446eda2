package dev.ferrymq.samples.cdi;

import dev.ferrymq.admin.Brokers;
import jakarta.enterprise.inject.se.SeContainer;
import jakarta.enterprise.inject.se.SeContainerInitializer;

import java.io.PrintStream;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A CDI application on Weld SE: {@link OrderService} sends with an injected {@code JMSContext},
 * {@link OrderListener} receives in a {@code @JmsListener} method. The FerryMQ CDI extension is
 * found on the class path (no beans.xml, no registration); the broker is the one
 * {@code ferrymq.url} names, here an in-memory one of the sample's own.
 *
 * <p>Threading: the calling thread places the orders and waits for the listener's reports.
 */
public final class CdiSample {

    /** The broker of the sample, set as {@code ferrymq.url} while the container runs. */
    static final String URL = "vm://samples-cdi?store=memory";

    private CdiSample() {
    }

    public static void main(String[] args) throws Exception {
        run(List.of("2 x espresso", "1 x croissant", "3 x cappuccino"), System.out);
    }

    /**
     * Starts a CDI SE container with the sample's two beans, places {@code orders} (priority: the
     * quantity), prints each one the listener method received, and closes the container.
     *
     * @throws IllegalStateException when an order does not arrive within 10 s
     */
    public static void run(List<String> orders, PrintStream out) throws Exception {
        String previous = System.setProperty("ferrymq.url", URL);
        OrderListener.RECEIVED.clear();
        try (SeContainer container = SeContainerInitializer.newInstance()
                .addBeanClasses(OrderService.class, OrderListener.class)
                .initialize()) {
            out.println("CDI container up: the FerryMQ extension started the listener method OrderListener.onOrder");
            OrderService service = container.select(OrderService.class).get();
            for (String order : orders) {
                service.place(order, Integer.parseInt(order.substring(0, order.indexOf(' '))));
                out.println("Placed order: " + order);
            }
            Set<String> received = new HashSet<>();
            while (received.size() < orders.size()) {
                String got = OrderListener.RECEIVED.poll(10, TimeUnit.SECONDS);
                if (got == null) {
                    throw new IllegalStateException("only " + received.size() + " of " + orders.size()
                            + " orders reached the listener method within 10 s");
                }
                received.add(got);
                out.println("Received order: " + got);
            }
        } finally {
            if (previous == null) {
                System.clearProperty("ferrymq.url");
            } else {
                System.setProperty("ferrymq.url", previous);
            }
            Brokers.stop("samples-cdi");
        }
        out.println("Container closed: listeners stopped, connections closed.");
    }
}
