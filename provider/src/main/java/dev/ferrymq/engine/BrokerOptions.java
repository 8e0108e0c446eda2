package dev.ferrymq.engine;

import dev.ferrymq.spi.EngineException;
import dev.ferrymq.spi.config.Option;
import dev.ferrymq.spi.config.OptionValues;

import java.util.List;
import java.util.Map;

/**
 * The options of a {@code vm://} broker, given in the URL query (e.g.
 * {@code vm://orders?dispatchThreads=2}). They take effect when the broker starts; a later
 * connect to a running broker has its options validated but values that differ from the running
 * broker's are ignored.
 *
 * <p>Threading contract: immutable constants and a stateless parser.
 */
public final class BrokerOptions {

    public static final Option<Integer> DISPATCH_THREADS = Option.integer("dispatchThreads",
            Runtime.getRuntime().availableProcessors(), 1,
            "Threads in the broker's shared dispatch pool that runs all queues' work.").withDefaultText("number of processors");

    public static final Option<Long> EXPIRY_SWEEP_INTERVAL = Option.duration("expirySweepInterval", 1000,
            "Milliseconds between sweeps that drop expired messages no consumer asked for; 0 disables the sweeper "
                    + "(expired messages are still never delivered).");

    public static final Option<Boolean> INLINE_DISPATCH = Option.bool("inlineDispatch", true,
            "Let an application thread that sends, acknowledges or grants credit run the queue's pending work itself "
                    + "when the queue is idle, saving a thread hop; delivery sinks may then be called on that thread.");

    /** Every broker option, in documentation order. */
    public static final List<Option<?>> ALL = List.of(DISPATCH_THREADS, EXPIRY_SWEEP_INTERVAL, INLINE_DISPATCH);

    private BrokerOptions() {
    }

    /**
     * Parses URL options.
     *
     * @throws EngineException GENERAL naming the option when one is unknown or its value invalid
     */
    public static OptionValues parse(Map<String, String> options) {
        try {
            return OptionValues.parse(ALL, options == null ? Map.of() : options);
        } catch (IllegalArgumentException e) {
            throw new EngineException(EngineException.Kind.GENERAL, "vm broker: " + e.getMessage(), e);
        }
    }
}
