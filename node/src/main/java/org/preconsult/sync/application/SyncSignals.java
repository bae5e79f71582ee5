package org.preconsult.sync.application;

/** Events published inside a transaction; listeners wake the sender loops after commit. */
public final class SyncSignals {

    private SyncSignals() {
    }

    /** Something was added to the outbox. */
    public record OutboxAppended() {
    }

    /** Something was added to the feed for children. */
    public record FeedAppended(long position) {
    }
}
