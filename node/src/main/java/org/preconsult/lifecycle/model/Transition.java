package org.preconsult.lifecycle.model;

/** The outcome of a requested lifecycle change. */
public sealed interface Transition permits Transition.Changed, Transition.Invalid, Transition.NotAllowed,
        Transition.NoSuchPlan {

    /** The change is allowed: this is the plan's new record. */
    record Changed(PlanRecord record) implements Transition {
    }

    /** The request is wrong in itself (a date out of range, a reason missing): nothing changes. */
    record Invalid(String field, String message) implements Transition {
    }

    /** The plan is not in a stage where this change is possible (e.g. already cancelled). */
    record NotAllowed(String message) implements Transition {
    }

    /** No plan of that id is registered at this node. */
    record NoSuchPlan(String planId) implements Transition {
    }
}
