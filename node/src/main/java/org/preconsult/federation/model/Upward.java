package org.preconsult.federation.model;

/** A change a node announces to its parent through its outbox. */
public sealed interface Upward permits Upward.PlanSubmitted, Upward.SystemRegistered {

    /** A plan revision was submitted for review. */
    record PlanSubmitted(PlanSummary plan) implements Upward {
    }

    /** An existing information system was registered or changed (a retired status is its tombstone). */
    record SystemRegistered(SystemSummary system) implements Upward {
    }
}
