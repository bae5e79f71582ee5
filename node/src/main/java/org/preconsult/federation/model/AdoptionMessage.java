package org.preconsult.federation.model;

import java.time.Instant;
import java.util.Objects;

/**
 * One message of an adoption, addressed by its origin {@code fromNode} to {@code toNode}. The
 * message id begins with the origin's node id, so no node can take another's ids; a receiver
 * applies each id once.
 */
public record AdoptionMessage(
        String messageId,
        String adoptionId,
        String fromNode,
        String fromName,
        String toNode,
        MessageKind kind,
        String entryId,
        String entryName,
        String copyEntryId,
        String text,
        String changedEntryId,
        long changedVersion,
        String changedStatus,
        Instant sentAt) {

    public AdoptionMessage {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(adoptionId, "adoptionId");
        Objects.requireNonNull(fromNode, "fromNode");
        Objects.requireNonNull(toNode, "toNode");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(entryId, "entryId");
        Objects.requireNonNull(sentAt, "sentAt");
    }

    /** A new message id of a node: its node id, a colon and a random part. */
    public static String newId(String fromNode) {
        return fromNode + ":" + java.util.UUID.randomUUID();
    }

    /** Why the message's shape is wrong (ids, bounds), if it is; says nothing about who may send it. */
    public java.util.Optional<String> malformation() {
        if (!messageId.startsWith(fromNode + ":") || messageId.length() > AdoptionBounds.ID) {
            return java.util.Optional.of("message_id must begin with its origin's node id and have at most "
                    + AdoptionBounds.ID + " characters");
        }
        if (adoptionId.isBlank() || adoptionId.length() > AdoptionBounds.ID || entryId.isBlank()
                || entryId.length() > AdoptionBounds.ENTRY_ID) {
            return java.util.Optional.of("adoption_id and entry_id are required and bounded");
        }
        if (fromNode.equals(toNode)) {
            return java.util.Optional.of("a node does not send adoption messages to itself");
        }
        if (tooLong(fromName, AdoptionBounds.NAME) || tooLong(entryName, AdoptionBounds.NAME)
                || tooLong(text, AdoptionBounds.TEXT) || tooLong(copyEntryId, AdoptionBounds.ENTRY_ID)
                || tooLong(changedEntryId, AdoptionBounds.ENTRY_ID) || tooLong(changedStatus, 20)) {
            return java.util.Optional.of("a field is longer than its bound");
        }
        return java.util.Optional.empty();
    }

    private static boolean tooLong(String value, int max) {
        return value != null && value.length() > max;
    }
}
