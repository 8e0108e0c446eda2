package dev.ferrymq.client.message;

import dev.ferrymq.spi.DestinationRef;
import dev.ferrymq.spi.MessageData;
import jakarta.jms.JMSException;
import jakarta.jms.Message;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Sending and receiving without an engine: {@code toData} then {@code received}. */
final class MessageTestSupport {

    static final DestinationRef QUEUE = DestinationRef.queue("orders");

    private MessageTestSupport() {
    }

    static MessageData send(Message m) throws JMSException {
        return Messages.toData(m, QUEUE);
    }

    @SuppressWarnings("unchecked")
    static <M extends Message> M receive(MessageData data) {
        return (M) Messages.received(data, 1, null);
    }

    /** The message as a consumer would receive it after {@code m} is sent. */
    static <M extends Message> M roundTrip(M m) throws JMSException {
        return receive(send(m));
    }

    static List<String> names(java.util.Enumeration<?> e) {
        List<String> names = new ArrayList<>();
        for (Object o : Collections.list(e)) {
            names.add((String) o);
        }
        return names;
    }
}
