package org.preconsult.federation.model;

import java.util.List;

/**
 * What travels upward about an existing information system: its public description, and the
 * translations and relations of its catalogue entry (e.g. the governments that adopted it).
 */
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
        String language,
        EntryDetails details) {

    public SystemSummary {
        functions = functions == null ? List.of() : List.copyOf(functions);
    }

    /** A summary without the catalogue entry's details: the receiver keeps the ones it has. */
    public SystemSummary(String systemId, long version, String ownerNode, String ownerName, String name,
                         String description, List<String> functions, String functionCode, String platform,
                         String status, Integer goLiveYear, String language) {
        this(systemId, version, ownerNode, ownerName, name, description, functions, functionCode, platform, status,
                goLiveYear, language, null);
    }
}
