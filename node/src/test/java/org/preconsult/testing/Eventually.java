package org.preconsult.testing;

import java.time.Duration;
import java.util.function.Supplier;

/** Waiting with a deadline for what a node does on its own threads (its link to the parent). */
public final class Eventually {

    private Eventually() {
    }

    /** The first non-null value the supplier gives within the deadline; fails with the message otherwise. */
    public static <T> T await(Duration deadline, String what, Supplier<T> value) {
        long end = System.nanoTime() + deadline.toNanos();
        while (true) {
            T current = value.get();
            if (current != null) {
                return current;
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("Not within " + deadline.toSeconds() + " s: " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while waiting for " + what, e);
            }
        }
    }

    /** Waits within the deadline until the condition holds. */
    public static void until(Duration deadline, String what, Supplier<Boolean> condition) {
        await(deadline, what, () -> Boolean.TRUE.equals(condition.get()) ? Boolean.TRUE : null);
    }
}
