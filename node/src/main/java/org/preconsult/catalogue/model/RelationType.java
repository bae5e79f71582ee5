package org.preconsult.catalogue.model;

/** How a catalogue entry relates to something outside it (named by free text: an organisation, a URL). */
public enum RelationType {
    /** The target (an organisation) uses the entry's system. */
    USED_BY,
    /** The entry's system is derived from the target (another system or repository). */
    IS_BASED_ON
}
