package org.preconsult.catalogue.model;

import java.util.List;
import java.util.Objects;

/**
 * The name, description and functions of a catalogue entry in a language other than the entry's
 * own, so that a plan written in that language can still be matched and read. {@code name} is null
 * when the source gives no localised name.
 */
public record Translation(String language, String name, String description, List<String> functions) {

    public Translation {
        Objects.requireNonNull(language, "language");
        description = description == null ? "" : description;
        functions = functions == null ? List.of() : List.copyOf(functions);
    }
}
