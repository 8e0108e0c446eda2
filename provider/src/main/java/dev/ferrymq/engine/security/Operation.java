package dev.ferrymq.engine.security;

import dev.ferrymq.spi.config.Option;

import java.util.Arrays;
import java.util.List;

/**
 * What a connection may be allowed to do to a destination; each is a key of the security file,
 * {@code <operation>=<roles>} or {@code <operation>@<pattern>=<roles>}.
 *
 * <p>Threading contract: immutable constants.
 */
public enum Operation {
    /** Send to a queue or topic (checked at send time, also in a transaction). */
    SEND("send", "send to"),
    /** Create a consumer on a queue or topic. */
    CONSUME("consume", "consume from"),
    /** Create a browser on a queue. */
    BROWSE("browse", "browse"),
    /** Create or join a durable or shared subscription of a topic. */
    CREATE_SUBSCRIPTION("createSubscription", "create or join a durable or shared subscription of"),
    /** Delete (unsubscribe) a durable subscription of a topic. */
    DELETE_SUBSCRIPTION("deleteSubscription", "delete a subscription of"),
    /** Create a temporary queue or topic (matched against its generated name). */
    CREATE_TEMPORARY("createTemporary", "create"),
    /** Admin operations on a queue, e.g. moving dead letters back to their origin. */
    MANAGE("manage", "manage");

    private final String key;
    private final String verb;
    private final Option<String> option;

    Operation(String key, String verb) {
        this.key = key;
        this.verb = verb;
        this.option = Option.string(key, null, "Roles that may " + verb + " the destination");
    }

    /** Its key in the security file. */
    public String key() {
        return key;
    }

    /** How a refusal says it, e.g. "send to". */
    String verb() {
        return verb;
    }

    /** The option that holds its roles per destination pattern. */
    Option<String> option() {
        return option;
    }

    /** Every operation's option. */
    static List<Option<?>> options() {
        return Arrays.stream(values()).<Option<?>>map(Operation::option).toList();
    }
}
