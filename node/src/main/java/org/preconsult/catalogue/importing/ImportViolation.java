package org.preconsult.catalogue.importing;

/**
 * Why one field of one imported entry cannot be accepted. {@code entry} is the entry's label in
 * its source ({@code entries[3]}, {@code row 4}; empty for a single document); {@code field} names
 * the entry and field the way the source numbers them ({@code entries[3].kind}, {@code row 4.kind},
 * {@code description.en.features}).
 */
public record ImportViolation(String entry, String field, String message) {

    /** A violation of one field of the labelled entry. */
    static ImportViolation of(String label, String field, String message) {
        return new ImportViolation(label, label.isEmpty() ? field : label + "." + field, message);
    }
}
