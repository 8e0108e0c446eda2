package dev.ferrymq.engine;

import dev.ferrymq.engine.security.SecurityOptions;
import dev.ferrymq.spi.config.DeclaredOptions;
import dev.ferrymq.spi.config.LimitOptions;
import dev.ferrymq.spi.config.Option;
import dev.ferrymq.spi.config.OptionValues;
import dev.ferrymq.spi.config.RedeliveryOptions;

import dev.ferrymq.store.JournalConfig;
import dev.ferrymq.store.StoreOptions;

import java.util.ArrayList;
import java.util.List;

/**
 * The options of a {@code vm://} broker, given in the URL query (e.g.
 * {@code vm://orders?dispatchThreads=2}). They take effect when the broker starts; a later
 * connect to a running broker with values that differ from the running broker's has them
 * ignored, with a warning. The per-destination redelivery, dead-letter, expiry and acknowledgement
 * timeout options are declared in {@link RedeliveryOptions}. The facade parses all of them
 * ({@link #DECLARED}); the engine never reads option text.
 *
 * <p>Threading contract: immutable constants.
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

    public static final Option<Long> MAX_BROKER_BYTES = Option.number("maxBrokerBytes",
            Runtime.getRuntime().maxMemory() / 2, -1,
            "Estimated heap bytes of the messages all queues of the broker may hold together, on top of each "
                    + "queue's maxQueueBytes; when reached, sends to any queue get its fullPolicy until messages "
                    + "leave; 0 or -1: no broker-wide bound.").withDefaultText("1/2 of the maximum heap");

    public static final Option<Boolean> JMX = Option.bool("jmx", true,
            "Register the broker's MBeans and one per queue and topic subscription in the platform MBean server "
                    + "(dev.ferrymq:type=Broker,name={broker},...): figures, counters and operations; false registers none.");

    public static final Option<Boolean> METRICS = Option.bool("metrics", true,
            "When Micrometer is on the class path, register the broker's meters (ferrymq.*, tagged broker, queue, "
                    + "destination, type) in Metrics.globalRegistry until the broker stops; false registers none "
                    + "(bind dev.ferrymq.admin.FerryMqMetrics to a registry yourself).");

    /** Every broker option, in documentation order. */
    public static final List<Option<?>> ALL = List.of(DISPATCH_THREADS, EXPIRY_SWEEP_INTERVAL, INLINE_DISPATCH,
            JMX, MAX_BROKER_BYTES, METRICS);

    /**
     * Every option a broker URL accepts: these, the {@link StoreOptions} and the
     * {@link SecurityOptions} for the broker, and the {@link RedeliveryOptions} and
     * {@link LimitOptions} per destination. The facade parses text against them; the broker
     * gets typed values.
     */
    public static final DeclaredOptions DECLARED = new DeclaredOptions(
            concat(concat(ALL, StoreOptions.ALL), SecurityOptions.ALL),
            concat(RedeliveryOptions.ALL, LimitOptions.ALL));

    private BrokerOptions() {
    }

    /**
     * The journal configuration of broker {@code broker} from its parsed options (the {@code store}
     * option's default may come from a system property: see {@link StoreOptions#STORE}).
     *
     * @throws IllegalArgumentException naming the option whose value is invalid
     */
    public static JournalConfig journalConfig(OptionValues values, String broker) {
        return JournalConfig.from(values, broker);
    }

    private static List<Option<?>> concat(List<Option<?>> a, List<Option<?>> b) {
        List<Option<?>> out = new ArrayList<>(a);
        out.addAll(b);
        return List.copyOf(out);
    }
}
