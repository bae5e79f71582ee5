package org.preconsult.federation.model;

/** The bounds of adoption fields, shared by the API's validation, the wire checks and the schema (V90). */
public final class AdoptionBounds {

    /** Adoption and message ids. */
    public static final int ID = 200;
    /** Catalogue entry ids (as the catalogue bounds them). */
    public static final int ENTRY_ID = 300;
    /** Names of governments and entries. */
    public static final int NAME = 300;
    /** A motivation, a reason, a change notice's text. */
    public static final int TEXT = 1000;

    private AdoptionBounds() {
    }
}
