package dev.ferrymq.benchmarks.harness;

/**
 * A scenario measured once per provider, without a warm-up iteration: the memory and backlog
 * scenarios, whose single run is long and whose state (a heap, a journal) a repeat would disturb.
 * Same contract as {@link Scenario}.
 */
public interface OneShotScenario extends Scenario {

    /** No warm-up iteration. */
    @Override
    default int warmups(Mode mode) {
        return 0;
    }

    /** One measured iteration. */
    @Override
    default int iterations(Mode mode) {
        return 1;
    }
}
