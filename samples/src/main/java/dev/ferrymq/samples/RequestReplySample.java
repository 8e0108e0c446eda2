package dev.ferrymq.samples;

import dev.ferrymq.FerryConnectionFactory;
import dev.ferrymq.admin.Brokers;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Request/reply over a temporary queue: a price service listens on queue {@code prices} and
 * answers each request on its {@code JMSReplyTo} with {@code JMSCorrelationID} set to the
 * request's {@code JMSMessageID}; the requester sends its requests with a
 * {@link TemporaryQueue} of its own as reply-to and matches each reply to its request.
 *
 * <p>Arguments: the items to ask about, by default {@code apples pears plums}.
 *
 * <p>Threading: the service's listener runs on its session's delivery thread; the requester on
 * the calling thread. Each uses only its own connection and session.
 */
public final class RequestReplySample {

    static final String BROKER = "samples-request-reply";
    static final String QUEUE = "prices";
    private static final long REPLY_TIMEOUT = 5_000;

    private RequestReplySample() {
    }

    public static void main(String[] args) throws Exception {
        run(args.length > 0 ? List.of(args) : List.of("apples", "pears", "plums"), System.out);
    }

    /**
     * Runs the sample on broker {@code samples-request-reply}, printing to {@code out}; returns how
     * many replies arrived correlated to their request. Stops the broker.
     */
    public static int run(List<String> items, PrintStream out) throws JMSException {
        ConnectionFactory factory = new FerryConnectionFactory("vm://" + BROKER + "?store=memory");
        out.println("request-reply: a price service on queue " + QUEUE + ", replies over a temporary queue");
        try (Connection service = factory.createConnection(); Connection requester = factory.createConnection()) {
            startService(service);
            requester.start();
            Session session = requester.createSession(Session.AUTO_ACKNOWLEDGE);
            TemporaryQueue replies = session.createTemporaryQueue();
            MessageConsumer replyConsumer = session.createConsumer(replies);
            MessageProducer producer = session.createProducer(session.createQueue(QUEUE));
            Map<String, String> pending = new LinkedHashMap<>();
            for (String item : items) {
                Message request = session.createTextMessage(item);
                request.setJMSReplyTo(replies);
                producer.send(request);
                pending.put(request.getJMSMessageID(), item);
                out.printf("requester: asked for the price of %s (%s), reply to %s%n",
                        item, request.getJMSMessageID(), replies.getQueueName());
            }
            int correlated = 0;
            for (int i = 0; i < items.size(); i++) {
                Message reply = replyConsumer.receive(REPLY_TIMEOUT);
                if (reply == null) {
                    out.printf("requester: no reply within %d ms%n", REPLY_TIMEOUT);
                    break;
                }
                String item = pending.remove(reply.getJMSCorrelationID());
                out.printf("requester: reply \"%s\" correlates to the request for %s%n",
                        reply.getBody(String.class), item == null ? "NOTHING SENT" : item);
                correlated += item == null ? 0 : 1;
            }
            out.printf("requester: %d/%d replies correlated%n", correlated, items.size());
            replyConsumer.close();
            replies.delete();
            out.println("requester: deleted its temporary queue");
            return correlated;
        } finally {
            Brokers.stop(BROKER);
        }
    }

    /** The price service: answers every request on its reply-to destination. */
    private static void startService(Connection service) throws JMSException {
        Session session = service.createSession(Session.AUTO_ACKNOWLEDGE);
        Queue prices = session.createQueue(QUEUE);
        MessageProducer replier = session.createProducer(null);
        session.createConsumer(prices).setMessageListener(request -> {
            try {
                String item = request.getBody(String.class);
                Message reply = session.createTextMessage(String.format(Locale.ROOT, "%s: %.2f", item, price(item)));
                reply.setJMSCorrelationID(request.getJMSMessageID());
                replier.send(request.getJMSReplyTo(), reply);
            } catch (JMSException e) {
                // thrown from onMessage: AUTO_ACKNOWLEDGE redelivers the request at once
                throw new IllegalStateException("could not answer request: " + e.getMessage(), e);
            }
        });
        service.start();
    }

    /** A made-up price, the same for the same item. */
    private static double price(String item) {
        return 0.5 + Math.floorMod(item.hashCode(), 300) / 100.0;
    }
}
