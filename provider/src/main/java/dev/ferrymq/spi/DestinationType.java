package dev.ferrymq.spi;

/** The four kinds of destination of the JMS model. */
public enum DestinationType {
    QUEUE(true, false),
    TOPIC(false, false),
    TEMPORARY_QUEUE(true, true),
    TEMPORARY_TOPIC(false, true);

    private final boolean queue;
    private final boolean temporary;

    DestinationType(boolean queue, boolean temporary) {
        this.queue = queue;
        this.temporary = temporary;
    }

    /** Point-to-point (queue or temporary queue) rather than publish/subscribe. */
    public boolean isQueue() {
        return queue;
    }

    public boolean isTemporary() {
        return temporary;
    }
}
