package dev.ferrymq.tck.model.foreign;

import jakarta.jms.TextMessage;

/** A {@link TextMessage} of "another provider" (see {@link ForeignMessage}). Not thread-safe. */
public class ForeignTextMessage extends ForeignMessage implements TextMessage {

    private String text;

    public ForeignTextMessage(String text) {
        this.text = text;
    }

    @Override public void setText(String s) { text = s; }
    @Override public String getText() { return text; }
    @Override public void clearBody() { text = null; }
    @Override protected Object body() { return text; }
}
