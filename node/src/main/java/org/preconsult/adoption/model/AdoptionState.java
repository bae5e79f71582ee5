package org.preconsult.adoption.model;

/** Where an adoption stands: asked for, then accepted or declined by the owner. */
public enum AdoptionState {
    REQUESTED,
    ACCEPTED,
    DECLINED
}
