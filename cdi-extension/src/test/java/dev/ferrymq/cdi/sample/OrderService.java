package dev.ferrymq.cdi.sample;

import dev.ferrymq.cdi.FerryQueue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;

/** The sample's producer: an injected JMSContext and queue. */
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
