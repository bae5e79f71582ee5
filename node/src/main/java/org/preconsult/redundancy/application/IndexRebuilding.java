package org.preconsult.redundancy.application;

import java.time.Duration;

/** Rebuilds the search index of the catalogue from the database, for an operator. */
public interface IndexRebuilding {

    /** What a rebuild did: catalogue rows read, entries a check can now see, and how long it took. */
    record Rebuilt(int entriesRead, int entriesIndexed, Duration duration) {
    }

    /** Rebuilds the index; checks keep seeing the previous one until the new one is complete. */
    Rebuilt rebuild();
}
