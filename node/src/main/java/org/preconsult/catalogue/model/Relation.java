package org.preconsult.catalogue.model;

import java.util.Objects;

/** One relation of a catalogue entry; {@code target} is free text as the source gave it. */
public record Relation(RelationType type, String target) {

    public Relation {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(target, "target");
    }
}
