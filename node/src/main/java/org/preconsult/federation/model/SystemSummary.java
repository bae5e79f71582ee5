package org.preconsult.federation.model;

import java.util.List;

/** What travels upward about an existing information system: its public description. */
public record SystemSummary(
        String systemId,
        long version,
        String ownerNode,
        String ownerName,
        String name,
        String description,
        List<String> functions,
        String functionCode,
        String platform,
        String status,
        Integer goLiveYear,
        String language) {

    public SystemSummary {
        functions = functions == null ? List.of() : List.copyOf(functions);
    }
}
