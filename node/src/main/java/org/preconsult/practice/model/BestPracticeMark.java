package org.preconsult.practice.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A catalogue entry marked as best practice by a reviewing node (central, or a province for its
 * subtree), with the reason people read. The marking node is its only writer; {@code version}
 * increases with each change there, so a late copy never undoes a newer one. A withdrawn mark is
 * kept as such, so that its withdrawal travels like the mark did.
 */
public record BestPracticeMark(String entryId, String markingNode, String markingName, String reason,
                               Instant markedAt, boolean withdrawn, long version) {

    /** Longest reason kept (the column's size). */
    public static final int MAX_REASON = 1000;

    public BestPracticeMark {
        Objects.requireNonNull(entryId, "entryId");
        Objects.requireNonNull(markingNode, "markingNode");
        Objects.requireNonNull(markedAt, "markedAt");
    }
}
