package io.clearsky.local.chaos;

import java.time.Duration;

/** Pauses of the chaos driver's polling loops; an interrupt ends the pause and is kept for the caller. */
final class Sleep {

    private Sleep() {
    }

    static void quietly(Duration duration) {
        try {
            Thread.sleep(duration);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
