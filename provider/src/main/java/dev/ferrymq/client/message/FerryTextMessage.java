package dev.ferrymq.client.message;

import dev.ferrymq.spi.BodyType;
import dev.ferrymq.spi.MessageData;
import jakarta.jms.MessageNotWriteableException;
import jakarta.jms.TextMessage;

/**
 * A FerryMQ {@link TextMessage}: the body is a String (immutable, so it is shared with sent and
 * received data as is). Not thread-safe.
 */
public final class FerryTextMessage extends FerryMessage implements TextMessage {

    private String text;

    FerryTextMessage() {
    }

    FerryTextMessage(MessageData data, int deliveryCount, MessageAcknowledger acknowledger) {
        super(data, deliveryCount, acknowledger);
        text = (String) data.body();
    }

    /** @throws MessageNotWriteableException when the body is read-only (received, not cleared) */
    @Override
    public void setText(String string) throws MessageNotWriteableException {
        checkBodyWritable();
        text = string;
    }

    @Override
    public String getText() {
        return text;
    }

    @Override
    boolean hasBody() {
        return text != null;
    }

    @Override
    Class<?> declaredBodyType() {
        return String.class;
    }

    @Override
    Object bodyCopy() {
        return text;
    }

    @Override
    void clearBodyContent() {
        text = null;
    }

    @Override
    BodyType bodyType() {
        return BodyType.TEXT;
    }

    @Override
    Object bodyForSend() {
        return text;
    }
}
