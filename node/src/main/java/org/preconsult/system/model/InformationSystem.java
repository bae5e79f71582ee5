package org.preconsult.system.model;

import java.time.Instant;
import java.util.List;
import org.preconsult.catalogue.model.EntryStatus;

/**
 * An existing information system registered by its owner government. {@code version} increases
 * with every change so copies elsewhere keep only the newest.
 */
public record InformationSystem(
        String id,
        String name,
        String description,
        List<String> functions,
        String functionCode,
        String platform,
        EntryStatus status,
        Integer goLiveYear,
        String owner,
        String language,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    public InformationSystem {
        functions = functions == null ? List.of() : List.copyOf(functions);
    }
}
