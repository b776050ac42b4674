package io.clearsky.core.config;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The configuration this instance runs now. Readers take {@link #get()} once per unit of work, so a
 * reload never changes the configuration halfway through a query; revisions only move forward.
 */
public final class LiveConfig {

    private final AtomicReference<Revision> current;

    /** Starts with the configuration read at start-up, as revision 0 until the fleet's revision is known. */
    public LiveConfig(ClearSkyConfig initial) {
        this.current = new AtomicReference<>(new Revision(0, initial, initial.fingerprint(), Instant.now()));
    }

    /**
     * One installed configuration.
     *
     * @param number the fleet-wide revision number; 0 before the first is known
     * @param config the configuration
     * @param fingerprint its fingerprint
     * @param since when this instance installed it
     */
    public record Revision(long number, ClearSkyConfig config, String fingerprint, Instant since) {
    }

    public ClearSkyConfig get() {
        return this.current.get().config();
    }

    public Revision revision() {
        return this.current.get();
    }

    /**
     * Installs {@code config} as revision {@code number}, unless that revision or a newer one is in
     * force already.
     *
     * @return whether it was installed
     */
    public boolean install(long number, ClearSkyConfig config) {
        Revision next = new Revision(number, config, config.fingerprint(), Instant.now());
        Revision before = this.current.getAndUpdate((now) -> (number > now.number()) ? next : now);
        return before.number() < number;
    }
}
