package io.clearsky.local.chaos;

import java.util.Set;

/**
 * One injected fault.
 *
 * @param kind {@code worker-kill-9}, {@code broker-restart}, {@code gateway-restart} or {@code poison-records}
 * @param target the process it hit
 * @param startedAtNanos when it was injected
 * @param restartedAtNanos when the process was started again (the injection's start for poison)
 * @param backAtNanos when the process was ready again (the injection's end for poison)
 * @param inFlight queries asked but not ended when it was injected
 */
record Fault(String kind, String target, long startedAtNanos, long restartedAtNanos, long backAtNanos, Set<String> inFlight) {
}
