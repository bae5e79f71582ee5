package org.preconsult.practice.model;

import java.time.Instant;

/**
 * The rules for marking a catalogue entry as best practice: only a node that reviews (a province
 * or central) marks; the entry must be in its catalogue and still count (not cancelled, retired or
 * otherwise closed); a reason is required.
 */
public final class Marking {

    private Marking() {
    }

    /** The outcome of a request to mark or withdraw. */
    public sealed interface Result permits Marked, Invalid, NotAllowed, NoSuchEntry {
    }

    public record Marked(BestPracticeMark mark) implements Result {
    }

    public record Invalid(String field, String message) implements Result {
    }

    public record NotAllowed(String message) implements Result {
    }

    public record NoSuchEntry(String entryId) implements Result {
    }

    /**
     * @param reviewingNode  true at a province or central
     * @param entryCounts    true when the entry takes part in redundancy checks
     * @param previous       the node's current mark of the entry, or null
     */
    public static Result mark(String entryId, String reason, boolean reviewingNode, boolean entryCounts,
                              BestPracticeMark previous, String nodeId, String nodeName, Instant at) {
        if (reason == null || reason.isBlank()) {
            return new Invalid("reason", "say why the entry is a best practice");
        }
        if (reason.length() > BestPracticeMark.MAX_REASON) {
            return new Invalid("reason", "at most " + BestPracticeMark.MAX_REASON + " characters");
        }
        if (!reviewingNode) {
            return new NotAllowed("Only a provincial or the central node marks best practice.");
        }
        if (!entryCounts) {
            return new NotAllowed("The entry " + entryId + " is closed (cancelled, retired or similar) and cannot be marked.");
        }
        long version = previous == null ? 1 : previous.version() + 1;
        return new Marked(new BestPracticeMark(entryId, nodeId, nodeName, reason.strip(), at, false, version));
    }

    /** Withdraws this node's mark of the entry. */
    public static Result withdraw(String entryId, BestPracticeMark previous, Instant at) {
        if (previous == null || previous.withdrawn()) {
            return new NotAllowed("This node has not marked " + entryId + " as best practice.");
        }
        return new Marked(new BestPracticeMark(entryId, previous.markingNode(), previous.markingName(),
                previous.reason(), at, true, previous.version() + 1));
    }
}
