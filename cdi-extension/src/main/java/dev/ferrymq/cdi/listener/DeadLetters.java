package dev.ferrymq.cdi.listener;

import dev.ferrymq.spi.DeadLetterProperties;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Moves a message a listener cannot take to the listener's dead-letter queue: the received message
 * itself is sent on (its body untouched), its properties kept (JMSX ones dropped), with the reason
 * in {@link DeadLetterProperties#DLQ_REASON} and the source in
 * {@link DeadLetterProperties#ORIGINAL_DESTINATION} (FerryMQ's dead-letter property names, plain
 * string properties on any provider). Runs on the worker's session, so a transacted listener moves
 * the message atomically. Not thread-safe (one per worker).
 */
final class DeadLetters {

    /** The JMSMessageID the message had before it was moved. */
    static final String ORIGINAL_MESSAGE_ID = "JMS_FERRYMQ_ORIGINAL_MESSAGE_ID";

    private final Queue queue;
    private final MessageProducer producer;

    DeadLetters(Session session, String queueName) throws JMSException {
        this.queue = session.createQueue(queueName);
        this.producer = session.createProducer(null);
    }

    void send(Message message, String destinationName, String reason) throws JMSException {
        Map<String, Object> properties = new LinkedHashMap<>();
        java.util.Enumeration<?> names = message.getPropertyNames();
        for (Object name : Collections.list(names)) {
            String key = (String) name;
            if (!key.startsWith("JMSX")) {
                properties.put(key, message.getObjectProperty(key));
            }
        }
        String messageId = message.getJMSMessageID();
        message.clearProperties();
        for (Map.Entry<String, Object> property : properties.entrySet()) {
            message.setObjectProperty(property.getKey(), property.getValue());
        }
        message.setStringProperty(DeadLetterProperties.ORIGINAL_DESTINATION, destinationName);
        message.setStringProperty(DeadLetterProperties.DLQ_REASON, reason);
        if (messageId != null) {
            message.setStringProperty(ORIGINAL_MESSAGE_ID, messageId);
        }
        producer.send(queue, message, message.getJMSDeliveryMode(), message.getJMSPriority(), 0);
    }
}
