package org.preconsult.redundancy.infrastructure;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Names the threads of the catalogue's search and build pools and makes them daemons. */
final class DaemonThreads {

    private DaemonThreads() {
    }

    /** Daemon threads named {@code prefix} and a number: they never keep a stopping node alive. */
    static ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
