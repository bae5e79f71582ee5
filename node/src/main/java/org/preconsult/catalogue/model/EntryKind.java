package org.preconsult.catalogue.model;

/** What a catalogue entry describes. */
public enum EntryKind {
    /** A system a central agency plans or distributes to all governments. */
    STANDARD_SYSTEM,
    /** An information system in operation (or being retired) at some government. */
    EXISTING_SYSTEM,
    /** A plan that was approved or is being carried out. */
    PLAN
}
