package org.preconsult.federation.model;

/**
 * A change a node announces to its parent through its outbox: the closed set of upward messages.
 * Every handler of them is a {@link Visitor}, so a new message type does not compile until each
 * handler (the wire codec, the receiving node's dispatch) says what to do with it.
 */
public sealed interface Upward permits Upward.PlanSubmitted, Upward.SystemRegistered, Upward.ReviewForwarded,
        Upward.EntryAnnounced, Upward.DecisionReported, Upward.ConditionUpdated,
        Upward.PlanRecordChanged, Upward.AdoptionSent {

    /** The node that owns what the envelope is about (it must lie in the sender's subtree). */
    String ownerNode();

    /** True when the message is about a record its origin owns (the origin must then be the owner). */
    default boolean aboutOwnRecord() {
        return false;
    }

    /** Hands this message to the visitor's method for its type. */
    <R> R accept(Visitor<R> visitor);

    /** One method per upward message type. */
    interface Visitor<R> {
        R planSubmitted(PlanSubmitted message);

        R systemRegistered(SystemRegistered message);

        R reviewForwarded(ReviewForwarded message);

        R entryAnnounced(EntryAnnounced message);

        R decisionReported(DecisionReported message);

        R conditionUpdated(ConditionUpdated message);

        R planRecordChanged(PlanRecordChanged message);

        R adoptionSent(AdoptionSent message);
    }

    /** A plan revision was submitted for review. */
    record PlanSubmitted(PlanSummary plan) implements Upward {
        public String ownerNode() {
            return plan.ownerNode();
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.planSubmitted(this);
        }

        @Override
        public boolean aboutOwnRecord() {
            return true;
        }
    }

    /** An existing information system was registered or changed (a retired status is its tombstone). */
    record SystemRegistered(SystemSummary system) implements Upward {
        public String ownerNode() {
            return system.ownerNode();
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.systemRegistered(this);
        }

        @Override
        public boolean aboutOwnRecord() {
            return true;
        }
    }

    /** A provincial node forwards a plan above its threshold, with its preliminary review. */
    record ReviewForwarded(PlanSummary plan, PreliminaryReview review) implements Upward {
        public String ownerNode() {
            return plan.ownerNode();
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.reviewForwarded(this);
        }
    }

    /** A catalogue entry decided below central (an approved plan) for the national catalogue. */
    record EntryAnnounced(EntrySummary entry) implements Upward {
        public String ownerNode() {
            return entry.originNode();
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.entryAnnounced(this);
        }
    }

    /** A decision taken below central, for statistics. */
    record DecisionReported(DecisionReport report) implements Upward {
        public String ownerNode() {
            return report.ownerNode();
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.decisionReported(this);
        }
    }

    /** A condition's status changed at the applicant. */
    record ConditionUpdated(ConditionUpdate update) implements Upward {
        public String ownerNode() {
            return update.ownerNode();
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.conditionUpdated(this);
        }
    }

    /** The owner's record of a plan after review changed: a decision applied, or a lifecycle change. */
    record PlanRecordChanged(RecordSummary record) implements Upward {
        public String ownerNode() {
            return record.ownerNode();
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.planRecordChanged(this);
        }

        @Override
        public boolean aboutOwnRecord() {
            return true;
        }
    }

    /**
     * A message of an adoption between two governments, addressed to another node: carried up to
     * the common ancestor and down to its addressee, sealed by its origin, which must be its sender.
     */
    record AdoptionSent(AdoptionMessage message) implements Upward {
        public String ownerNode() {
            return message.fromNode();
        }

        @Override
        public boolean aboutOwnRecord() {
            return true;
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.adoptionSent(this);
        }
    }
}
