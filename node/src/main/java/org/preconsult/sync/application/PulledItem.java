package org.preconsult.sync.application;

import java.time.Instant;
import java.util.function.Function;
import org.preconsult.federation.model.Downward;

/** One item pulled from the parent's feed, as the wire adapter read it off the stream. */
public sealed interface PulledItem permits PulledItem.Heartbeat, PulledItem.Resync, PulledItem.Item {

    /** The parent is alive and has nothing new. */
    record Heartbeat() implements PulledItem {
    }

    /** The parent's feed no longer matches this node's cursor. */
    record Resync(String reason) implements PulledItem {
    }

    /**
     * A message at a position of the parent's feed. {@code message} reads it (given the time it is
     * received, which a catalogue entry takes as its own), and throws an
     * {@link IllegalArgumentException} naming what is wrong when it cannot.
     *
     * @param incarnation the parent's incarnation as sent (null when absent or unbounded)
     * @param digest      the item's digest as sent, hex (null when absent)
     */
    record Item(long position, String incarnation, String digest, String bodyType, Function<Instant, Downward> message)
            implements PulledItem {
    }

    /** Thrown when reading an item of a type this node does not know. */
    final class UnknownType extends IllegalArgumentException {
        public UnknownType(String bodyType) {
            super("unsupported item " + bodyType);
        }
    }
}
