package org.preconsult.federation.model;

import org.preconsult.catalogue.model.CatalogueEntry;
import org.preconsult.lifecycle.model.PlanRecord;

/** A change a node announces to its parent through its outbox. */
public sealed interface Upward permits Upward.PlanSubmitted, Upward.SystemRegistered, Upward.ReviewForwarded,
        Upward.EntryAnnounced, Upward.DecisionReported, Upward.ConditionUpdated,
        Upward.PlanRecordChanged, Upward.AdoptionSent {

    /** The node that owns what the envelope is about (it must lie in the sender's subtree). */
    String ownerNode();

    /** A plan revision was submitted for review. */
    record PlanSubmitted(PlanSummary plan) implements Upward {
        public String ownerNode() {
            return plan.ownerNode();
        }
    }

    /** An existing information system was registered or changed (a retired status is its tombstone). */
    record SystemRegistered(SystemSummary system) implements Upward {
        public String ownerNode() {
            return system.ownerNode();
        }
    }

    /** A provincial node forwards a plan above its threshold, with its preliminary review. */
    record ReviewForwarded(PlanSummary plan, PreliminaryReview review) implements Upward {
        public String ownerNode() {
            return plan.ownerNode();
        }
    }

    /** A catalogue entry decided below central (an approved plan) for the national catalogue. */
    record EntryAnnounced(CatalogueEntry entry) implements Upward {
        public String ownerNode() {
            return entry.originNode();
        }
    }

    /** A decision taken below central, for statistics. */
    record DecisionReported(DecisionReport report) implements Upward {
        public String ownerNode() {
            return report.ownerNode();
        }
    }

    /** A condition's status changed at the applicant. */
    record ConditionUpdated(ConditionUpdate update) implements Upward {
        public String ownerNode() {
            return update.ownerNode();
        }
    }

    /** The owner's record of a plan after review changed: a decision applied, or a lifecycle change. */
    record PlanRecordChanged(PlanRecord record) implements Upward {
        public String ownerNode() {
            return record.ownerNode();
        }
    }

    /** An adoption message to another node, carried up to the common ancestor and down to its addressee. */
    record AdoptionSent(org.preconsult.adoption.model.AdoptionMessage message) implements Upward {
        public String ownerNode() {
            return message.fromNode();
        }
    }
}
