package dev.ferrymq.samples.cdi;

import dev.ferrymq.cdi.FerryQueue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;

/** The CDI sample's producer: an injected {@code JMSContext} and queue, nothing else. */
@ApplicationScoped
public class OrderService {

    @Inject
    JMSContext context;

    @Inject
    @FerryQueue("orders")
    Queue orders;

    public void place(String order, int priority) {
        context.createProducer().setProperty("priority", priority).send(orders, order);
    }
}
