package org.preconsult.redundancy.application;

/**
 * Brings the catalogue index up to every catalogue change committed before the call. A change is
 * applied to the index right after its commit, by the thread that committed it; until then another
 * thread's check would not see it. A check whose result is kept (a review case's evidence) must.
 */
public interface IndexFreshness {

    /** For a catalogue without a database behind it (benchmarks, model tests): always current. */
    IndexFreshness ALWAYS_CURRENT = () -> { };

    /**
     * Returns once every change committed before the call is visible to checks: at once when the
     * index has them, else after applying the missing ones. While a rebuild runs, returns at once:
     * checks keep seeing the previous index until the rebuild is complete.
     */
    void catchUpWithCommitted();
}
