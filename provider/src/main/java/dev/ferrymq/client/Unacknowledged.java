package dev.ferrymq.client;

import dev.ferrymq.spi.Delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * What a session's application consumed and has not acknowledged yet ("Message acknowledgment"):
 * in CLIENT_ACKNOWLEDGE and transacted sessions in consumption order, in INDIVIDUAL_ACKNOWLEDGE
 * (FerryMQ extension) as a set, each acknowledged on its own. {@link SessionEngine} decides by
 * acknowledgement mode what goes in; AUTO/DUPS_OK keep nothing here.
 *
 * <p>Thread-safe and lock-free: a receiving thread or the delivery thread adds, while acknowledge,
 * recover, commit, rollback and close (serialized by {@link SessionEngine}) take.
 */
final class Unacknowledged {

    /** CLIENT_ACKNOWLEDGE and transacted: deliveries the application consumed, not yet acknowledged. */
    private final Queue<Delivery> inOrder = new ConcurrentLinkedQueue<>();
    /** INDIVIDUAL: deliveries consumed and not yet acknowledged, each acknowledged on its own. */
    private final Set<Delivery> individual = ConcurrentHashMap.newKeySet();

    /** CLIENT_ACKNOWLEDGE and transacted: the application got {@code d}. */
    void add(Delivery d) {
        inOrder.add(d);
    }

    /** INDIVIDUAL_ACKNOWLEDGE: the application got {@code d}. */
    void addIndividual(Delivery d) {
        individual.add(d);
    }

    /** INDIVIDUAL_ACKNOWLEDGE: takes {@code d}; false when it was acknowledged or handed back already. */
    boolean takeIndividual(Delivery d) {
        return individual.remove(d);
    }

    /**
     * Whether {@code d} is kept (consumed and neither acknowledged nor handed back). Scans the
     * consumption-ordered list: for the rare path of a listener that threw, not per message.
     */
    boolean holds(Delivery d) {
        return individual.contains(d) || inOrder.contains(d);
    }

    /** Takes everything kept, in consumption order first. */
    List<Delivery> drain() {
        List<Delivery> all = new ArrayList<>();
        for (Delivery d; (d = inOrder.poll()) != null; ) {
            all.add(d);
        }
        for (Delivery d : individual) {
            if (individual.remove(d)) {
                all.add(d);
            }
        }
        return all;
    }
}
