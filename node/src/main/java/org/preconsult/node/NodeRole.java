package org.preconsult.node;

/** The place of a node in the federation tree. */
public enum NodeRole {
    /** A city, county or district: full registry of its own plans and systems; advisory check. */
    LOCAL,
    /** A province or metropolitan government: aggregates its locals, relays both ways. */
    PROVINCIAL,
    /** The central ministry: registers standard systems, checks everything, decides. */
    CENTRAL
}
