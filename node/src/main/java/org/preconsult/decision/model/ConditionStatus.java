package org.preconsult.decision.model;

/** Where an obligation of a conditional approval stands. */
public enum ConditionStatus {
    OPEN,
    FULFILLED,
    WAIVED
}
