package org.preconsult.catalogue.model;

import java.util.Objects;

/**
 * A best-practice mark as readers of the catalogue see it beside an entry: which node marked it
 * (central, or a province for its subtree) and why.
 */
public record PracticeMark(String markingNode, String markingName, String reason) {

    public PracticeMark {
        Objects.requireNonNull(markingNode, "markingNode");
        reason = reason == null ? "" : reason;
    }
}
