package dev.ferrymq.spi;

/** How a session acknowledges; the facade drives acknowledgement, the engine may use this for tuning. */
public enum AckMode {
    AUTO,
    CLIENT,
    DUPS_OK,
    TRANSACTED,
    /** Acknowledges only the message acknowledged (an extension; see the acknowledgement issue). */
    INDIVIDUAL
}
