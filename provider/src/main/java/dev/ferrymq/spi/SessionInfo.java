package dev.ferrymq.spi;

/**
 * What the engine needs to create a session.
 *
 * @param ackMode how the session acknowledges; TRANSACTED makes sends wait for commit
 */
public record SessionInfo(AckMode ackMode) {

    public boolean transacted() {
        return ackMode == AckMode.TRANSACTED;
    }
}
