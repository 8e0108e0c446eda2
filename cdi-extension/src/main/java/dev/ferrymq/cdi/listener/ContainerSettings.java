package dev.ferrymq.cdi.listener;

import dev.ferrymq.cdi.CdiOption;

/**
 * How every listener container of a deployment waits and recovers, read once from the options
 * when the listeners start. Immutable.
 *
 * @param receiveTimeout   {@link CdiOption#RECEIVE_TIMEOUT}, milliseconds
 * @param idleReceives     {@link CdiOption#IDLE_RECEIVES}
 * @param recoveryInterval {@link CdiOption#RECOVERY_INTERVAL}, milliseconds
 */
record ContainerSettings(long receiveTimeout, int idleReceives, long recoveryInterval) {

    /** The configured values. */
    static ContainerSettings fromOptions() {
        return new ContainerSettings(CdiOption.RECEIVE_TIMEOUT.longValue(), (int) CdiOption.IDLE_RECEIVES.longValue(),
                Math.max(1, CdiOption.RECOVERY_INTERVAL.longValue()));
    }
}
