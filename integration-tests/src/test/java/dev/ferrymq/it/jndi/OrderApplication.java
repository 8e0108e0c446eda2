package dev.ferrymq.it.jndi;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;

import javax.naming.Context;
import javax.naming.NamingException;
import java.util.ArrayList;
import java.util.List;

/**
 * An application as written for Artemis: everything administered comes from JNDI (its
 * jndi.properties), the code names only jakarta.jms and javax.naming. It subscribes to price
 * updates, sends orders, turns each order into an invoice in a transacted session, and reports what
 * it saw. For one thread.
 */
final class OrderApplication {

    private OrderApplication() {
    }

    static List<String> run(Context jndi) throws NamingException, JMSException {
        ConnectionFactory factory = (ConnectionFactory) jndi.lookup("ConnectionFactory");
        Queue orders = (Queue) jndi.lookup("queue/orders");
        Queue invoices = (Queue) jndi.lookup("queue/invoices");
        Topic prices = (Topic) jndi.lookup("topic/prices");
        List<String> seen = new ArrayList<>();
        try (Connection connection = factory.createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer priceWatcher = session.createConsumer(prices);
            connection.start();

            MessageProducer producer = session.createProducer(null);
            producer.send(prices, session.createTextMessage("tea=3.20"));
            for (String order : List.of("tea x2", "coffee x1")) {
                producer.send(orders, session.createTextMessage(order));
            }

            Session work = connection.createSession(true, Session.SESSION_TRANSACTED);
            MessageConsumer orderReader = work.createConsumer(orders);
            MessageProducer invoiceWriter = work.createProducer(invoices);
            for (int i = 0; i < 2; i++) {
                TextMessage order = (TextMessage) orderReader.receive(5000);
                invoiceWriter.send(work.createTextMessage("invoice for " + order.getText()));
                work.commit();
            }

            MessageConsumer invoiceReader = session.createConsumer(invoices);
            for (int i = 0; i < 2; i++) {
                seen.add(((TextMessage) invoiceReader.receive(5000)).getText());
            }
            seen.add("price " + ((TextMessage) priceWatcher.receive(5000)).getText());
            seen.add("left over: " + (invoiceReader.receiveNoWait() == null ? "none" : "some"));
        }
        return seen;
    }
}
