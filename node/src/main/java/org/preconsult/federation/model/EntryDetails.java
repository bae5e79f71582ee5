package org.preconsult.federation.model;

import java.util.List;

/**
 * The translations and relations of a catalogue entry as they travel with it: the whole set, as
 * the entry's origin holds it. A summary without details (null) leaves the receiver's set as it
 * is; with details, the receiver's set becomes exactly this one. Relation types travel by name and
 * are checked when the catalogue reads them back.
 */
public record EntryDetails(List<Text> translations, List<Link> relations) {

    /** Most translations one entry carries (one per language). */
    public static final int MAX_TRANSLATIONS = 50;
    /** Most relations one entry carries (every government using it, and what it is based on). */
    public static final int MAX_RELATIONS = 500;

    public EntryDetails {
        translations = translations == null ? List.of() : List.copyOf(translations);
        relations = relations == null ? List.of() : List.copyOf(relations);
    }

    /** The entry's name, description and functions in another language. */
    public record Text(String language, String name, String description, List<String> functions) {
        public Text {
            functions = functions == null ? List.of() : List.copyOf(functions);
        }
    }

    /** One relation: its type by name (USED_BY, IS_BASED_ON) and its target as free text. */
    public record Link(String type, String target) {
    }
}
