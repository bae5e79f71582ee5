package org.preconsult.adoption.model;

import java.time.Instant;
import java.util.Objects;

/**
 * An adoption of one government's catalogue entry (its owner's) by another government, as each of
 * the two keeps it. The owner alone answers a request; the state moves only from REQUESTED.
 */
public record Adoption(
        String id,
        String entryId,
        String entryName,
        String ownerNode,
        String ownerName,
        String adopterNode,
        String adopterName,
        String copyEntryId,
        AdoptionState state,
        String motivation,
        String answerReason,
        Instant requestedAt,
        String requestedBy,
        Instant answeredAt,
        String answeredBy) {

    public Adoption {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(entryId, "entryId");
        Objects.requireNonNull(ownerNode, "ownerNode");
        Objects.requireNonNull(adopterNode, "adopterNode");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(requestedAt, "requestedAt");
    }

    /** A new adoption's id: the adopter's node id, then a random part. */
    public static String newId(String adopterNode) {
        return adopterNode + ":adoption:" + java.util.UUID.randomUUID();
    }

    /** The outcome of answering a request. */
    public sealed interface Answer permits Answered, NotAllowed {
    }

    /** The request was answered; {@code adoption} is the new state. */
    public record Answered(Adoption adoption) implements Answer {
    }

    /** The answer is not allowed here; {@code reason} says why. */
    public record NotAllowed(String reason) implements Answer {
    }

    /**
     * The owner's answer: only {@code answeringNode} = the owner may answer, and only a request still
     * open. {@code accept} false declines.
     */
    public Answer answer(String answeringNode, boolean accept, String reason, String by, Instant at) {
        if (!ownerNode.equals(answeringNode)) {
            return new NotAllowed("adoption " + id + " is answered by its owner " + ownerNode + ", not by " + answeringNode);
        }
        if (state != AdoptionState.REQUESTED) {
            return new NotAllowed("adoption " + id + " is already " + state);
        }
        return new Answered(new Adoption(id, entryId, entryName, ownerNode, ownerName, adopterNode, adopterName,
                copyEntryId, accept ? AdoptionState.ACCEPTED : AdoptionState.DECLINED, motivation, reason,
                requestedAt, requestedBy, at, by));
    }

    /** The node on the other side of the adoption from {@code nodeId}. */
    public String counterpart(String nodeId) {
        return nodeId.equals(ownerNode) ? adopterNode : ownerNode;
    }

    public boolean accepted() {
        return state == AdoptionState.ACCEPTED;
    }
}
