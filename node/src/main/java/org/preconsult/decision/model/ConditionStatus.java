package org.preconsult.decision.model;

/** Where an obligation of a conditional approval stands. */
public enum ConditionStatus {
    OPEN,
    FULFILLED,
    WAIVED;

    /** Whether the condition is still owed: only an open condition can be fulfilled or waived. */
    public boolean isOpen() {
        return this == OPEN;
    }
}
