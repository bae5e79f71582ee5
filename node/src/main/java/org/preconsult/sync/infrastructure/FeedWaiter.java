package org.preconsult.sync.infrastructure;

import io.micronaut.transaction.annotation.TransactionalEventListener;
import jakarta.inject.Singleton;
import java.util.concurrent.TimeUnit;
import org.preconsult.sync.application.SyncSignals;

/** Wakes feed streams when an item was committed, so children receive it without polling delay. */
@Singleton
public class FeedWaiter {

    private final Object monitor = new Object();
    private long committedHead;

    @TransactionalEventListener(TransactionalEventListener.TransactionPhase.AFTER_COMMIT)
    void onAppended(SyncSignals.FeedAppended event) {
        synchronized (monitor) {
            committedHead = Math.max(committedHead, event.position());
            monitor.notifyAll();
        }
    }

    /** Waits until an item after {@code position} was committed, or the timeout passes. */
    public void awaitAfter(long position, long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        synchronized (monitor) {
            while (committedHead <= position) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                TimeUnit.NANOSECONDS.timedWait(monitor, left);
            }
        }
    }
}
