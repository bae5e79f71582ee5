package org.preconsult.federation.model;

import java.time.Instant;

/** A best-practice mark (or its withdrawal) as it travels down the tree. */
public record PracticeMark(String entryId, String markingNode, String markingName, String reason,
                           Instant markedAt, boolean withdrawn, long version) {
}
