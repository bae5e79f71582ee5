package org.preconsult.sync.infrastructure;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.preconsult.federation.model.ConditionUpdate;
import org.preconsult.federation.model.DecisionReport;
import org.preconsult.federation.model.EntrySummary;
import org.preconsult.federation.model.PlanSummary;
import org.preconsult.federation.model.PreliminaryReview;
import org.preconsult.federation.model.SystemSummary;
import org.preconsult.federation.model.Upward;
import org.preconsult.federation.v1.Envelope;

/**
 * Maps the federation's messages ({@code org.preconsult.federation.model}) to and from their
 * protobuf form; empty strings on the wire stand for absent values. Encoding is a visitor over the
 * sealed {@link Upward}, so a new message type does not compile until it has its wire form;
 * decoding refuses a body it does not know.
 */
public final class FederationCodec {

    private FederationCodec() {
    }

    // ------------------------------------------------------------------ upward envelopes

    public static Envelope envelope(String originNode, String incarnation, long seq, Instant createdAt, Upward body) {
        var builder = Envelope.newBuilder().setOriginNode(originNode).setSeq(seq).setOriginIncarnation(incarnation)
                .setCreatedAtEpochMs(createdAt.toEpochMilli());
        body.accept(new Upward.Visitor<Envelope.Builder>() {
            public Envelope.Builder planSubmitted(Upward.PlanSubmitted p) {
                return builder.setPlanSubmitted(toProto(p.plan()));
            }

            public Envelope.Builder systemRegistered(Upward.SystemRegistered s) {
                return builder.setSystemRegistered(toProto(s.system()));
            }

            public Envelope.Builder reviewForwarded(Upward.ReviewForwarded f) {
                return builder.setReviewForwarded(toProto(f));
            }

            public Envelope.Builder entryAnnounced(Upward.EntryAnnounced e) {
                return builder.setCatalogueEntryAnnounced(toProto(e.entry()));
            }

            public Envelope.Builder decisionReported(Upward.DecisionReported d) {
                return builder.setDecisionReported(toProto(d.report()));
            }

            public Envelope.Builder conditionUpdated(Upward.ConditionUpdated c) {
                return builder.setConditionUpdated(toProto(c.update()));
            }

            public Envelope.Builder planRecordChanged(Upward.PlanRecordChanged r) {
                return builder.setPlanRecordChanged(LifecycleCodec.toProto(r.record()));
            }

            public Envelope.Builder adoptionSent(Upward.AdoptionSent a) {
                return builder.setAdoptionMessage(AdoptionCodec.toProto(a.message()));
            }
        });
        return builder.build();
    }

    /** An envelope as stored in the outbox. */
    public static Envelope parse(byte[] payload) {
        try {
            return Envelope.parseFrom(payload);
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            throw new IllegalStateException("A stored payload is not an envelope", e);
        }
    }

    /** The body of a received envelope, or an exception whose message says what is wrong. */
    public static Upward body(Envelope envelope) {
        return switch (envelope.getBodyCase()) {
            case PLAN_SUBMITTED -> new Upward.PlanSubmitted(fromProto(envelope.getPlanSubmitted()));
            case SYSTEM_REGISTERED -> new Upward.SystemRegistered(fromProto(envelope.getSystemRegistered()));
            case REVIEW_FORWARDED -> fromProto(envelope.getReviewForwarded());
            case CATALOGUE_ENTRY_ANNOUNCED -> new Upward.EntryAnnounced(
                    fromProto(envelope.getCatalogueEntryAnnounced(), Instant.ofEpochMilli(envelope.getCreatedAtEpochMs())));
            case DECISION_REPORTED -> new Upward.DecisionReported(fromProto(envelope.getDecisionReported()));
            case CONDITION_UPDATED -> new Upward.ConditionUpdated(fromProto(envelope.getConditionUpdated()));
            case PLAN_RECORD_CHANGED -> new Upward.PlanRecordChanged(LifecycleCodec.fromProto(envelope.getPlanRecordChanged(),
                    Instant.ofEpochMilli(envelope.getCreatedAtEpochMs())));
            case ADOPTION_MESSAGE -> new Upward.AdoptionSent(AdoptionCodec.fromProto(envelope.getAdoptionMessage()));
            default -> throw new IllegalArgumentException("unsupported envelope body " + envelope.getBodyCase());
        };
    }

    public static org.preconsult.federation.v1.PlanSummary toProto(PlanSummary p) {
        return org.preconsult.federation.v1.PlanSummary.newBuilder()
                .setPlanId(p.planId()).setRevision(p.revision())
                .setOwnerNode(p.ownerNode()).setOwnerName(text(p.ownerName()))
                .setTitle(p.title()).setPurpose(text(p.purpose()))
                .addAllFunctions(p.functions()).setFunctionCode(text(p.functionCode()))
                .setBudget(p.budget() == null ? "" : p.budget().toPlainString())
                .setPlannedStart(p.plannedStart() == null ? "" : p.plannedStart().toString())
                .setPlannedEnd(p.plannedEnd() == null ? "" : p.plannedEnd().toString())
                .setPlatform(text(p.platform())).setLanguage(text(p.language()))
                .setDisasterOrSafety(p.disasterOrSafety()).setStatus(text(p.status()))
                .setSubmittedAtEpochMs(p.submittedAt() == null ? 0 : p.submittedAt().toEpochMilli())
                .setPreviousCaseId(text(p.previousCaseId()))
                .build();
    }

    public static PlanSummary fromProto(org.preconsult.federation.v1.PlanSummary p) {
        require(!p.getPlanId().isBlank(), "plan_id is empty");
        require(!p.getOwnerNode().isBlank(), "owner_node is empty");
        require(!p.getTitle().isBlank(), "title is empty");
        require(p.getRevision() > 0, "revision must be positive");
        return new PlanSummary(p.getPlanId(), p.getRevision(), p.getOwnerNode(), absent(p.getOwnerName()),
                p.getTitle(), absent(p.getPurpose()), p.getFunctionsList(), absent(p.getFunctionCode()),
                decimal(p.getBudget()), date(p.getPlannedStart()), date(p.getPlannedEnd()),
                absent(p.getPlatform()), absent(p.getLanguage()), p.getDisasterOrSafety(), absent(p.getStatus()),
                p.getSubmittedAtEpochMs() == 0 ? null : Instant.ofEpochMilli(p.getSubmittedAtEpochMs()),
                absent(p.getPreviousCaseId()));
    }

    public static org.preconsult.federation.v1.SystemSummary toProto(SystemSummary s) {
        return org.preconsult.federation.v1.SystemSummary.newBuilder()
                .setSystemId(s.systemId()).setVersion(s.version())
                .setOwnerNode(s.ownerNode()).setOwnerName(text(s.ownerName()))
                .setName(s.name()).setDescription(text(s.description()))
                .addAllFunctions(s.functions()).setFunctionCode(text(s.functionCode()))
                .setPlatform(text(s.platform())).setStatus(s.status())
                .setGoLiveYear(s.goLiveYear() == null ? 0 : s.goLiveYear())
                .setLanguage(text(s.language()))
                .build();
    }

    public static SystemSummary fromProto(org.preconsult.federation.v1.SystemSummary s) {
        require(!s.getSystemId().isBlank(), "system_id is empty");
        require(!s.getOwnerNode().isBlank(), "owner_node is empty");
        require(!s.getName().isBlank(), "name is empty");
        return new SystemSummary(s.getSystemId(), s.getVersion(), s.getOwnerNode(), absent(s.getOwnerName()),
                s.getName(), absent(s.getDescription()), s.getFunctionsList(), absent(s.getFunctionCode()),
                absent(s.getPlatform()), s.getStatus(), s.getGoLiveYear() == 0 ? null : s.getGoLiveYear(),
                absent(s.getLanguage()));
    }

    static org.preconsult.federation.v1.ForwardedReview toProto(Upward.ReviewForwarded f) {
        var r = f.review();
        var builder = org.preconsult.federation.v1.ForwardedReview.newBuilder()
                .setPlan(toProto(f.plan())).setReviewingNode(r.reviewingNode()).setOpinion(text(r.opinion()))
                .setRecommendedOutcome(text(r.recommendedOutcome())).addAllReasons(r.reasons())
                .setRoutingReason(text(r.routingReason()));
        for (var m : r.matches()) {
            builder.addMatches(org.preconsult.federation.v1.CheckMatch.newBuilder().setEntryId(m.entryId())
                    .setKind(m.kind()).setOwner(text(m.owner())).setName(m.name()).setScore(m.score()));
        }
        return builder.build();
    }

    static Upward.ReviewForwarded fromProto(org.preconsult.federation.v1.ForwardedReview f) {
        require(!f.getReviewingNode().isBlank(), "reviewing_node is empty");
        var matches = f.getMatchesList().stream().map(m -> new PreliminaryReview.MatchBrief(m.getEntryId(), m.getKind(),
                absent(m.getOwner()), m.getName(), m.getScore())).toList();
        return new Upward.ReviewForwarded(fromProto(f.getPlan()), new PreliminaryReview(f.getReviewingNode(),
                absent(f.getOpinion()), absent(f.getRecommendedOutcome()), f.getReasonsList(),
                absent(f.getRoutingReason()), matches));
    }

    static org.preconsult.federation.v1.DecisionReport toProto(DecisionReport r) {
        return org.preconsult.federation.v1.DecisionReport.newBuilder()
                .setCaseId(r.caseId()).setDecisionId(r.decisionId()).setPlanId(r.planId())
                .setPlanRevision(r.planRevision()).setOwnerNode(r.ownerNode()).setOwnerName(text(r.ownerName()))
                .setDecidingNode(r.decidingNode()).setDecidingLevel(r.decidingLevel()).setOutcome(r.outcome())
                .setSubmittedAtEpochMs(r.submittedAt().toEpochMilli()).setDecidedAtEpochMs(r.decidedAt().toEpochMilli())
                .setDueAtEpochMs(r.dueAt().toEpochMilli()).setAutomatic(r.automatic())
                .setRoutingReason(text(r.routingReason()))
                .build();
    }

    static DecisionReport fromProto(org.preconsult.federation.v1.DecisionReport r) {
        require(!r.getCaseId().isBlank() && !r.getPlanId().isBlank(), "case_id and plan_id are required");
        require(!r.getOwnerNode().isBlank() && !r.getDecidingNode().isBlank(), "owner_node and deciding_node are required");
        require(r.getSubmittedAtEpochMs() > 0 && r.getDecidedAtEpochMs() > 0 && r.getDueAtEpochMs() > 0,
                "submitted, decided and due times are required");
        return new DecisionReport(r.getCaseId(), absent(r.getDecisionId()), r.getPlanId(), r.getPlanRevision(),
                r.getOwnerNode(), absent(r.getOwnerName()), r.getDecidingNode(), r.getDecidingLevel(), r.getOutcome(),
                Instant.ofEpochMilli(r.getSubmittedAtEpochMs()), Instant.ofEpochMilli(r.getDecidedAtEpochMs()),
                Instant.ofEpochMilli(r.getDueAtEpochMs()), r.getAutomatic(), absent(r.getRoutingReason()));
    }

    static org.preconsult.federation.v1.ConditionUpdate toProto(ConditionUpdate u) {
        return org.preconsult.federation.v1.ConditionUpdate.newBuilder()
                .setDecisionId(u.decisionId()).setConditionId(u.conditionId()).setPlanId(u.planId())
                .setOwnerNode(u.ownerNode()).setDecidingNode(u.decidingNode()).setStatus(u.status())
                .setEvidence(text(u.evidence())).setChangedAtEpochMs(u.changedAt().toEpochMilli())
                .setChangedBy(text(u.changedBy()))
                .build();
    }

    static ConditionUpdate fromProto(org.preconsult.federation.v1.ConditionUpdate u) {
        require(!u.getConditionId().isBlank() && !u.getDecidingNode().isBlank() && !u.getOwnerNode().isBlank(),
                "condition_id, owner_node and deciding_node are required");
        return new ConditionUpdate(u.getDecisionId(), u.getConditionId(), u.getPlanId(), u.getOwnerNode(),
                u.getDecidingNode(), u.getStatus(), absent(u.getEvidence()), Instant.ofEpochMilli(u.getChangedAtEpochMs()),
                absent(u.getChangedBy()));
    }

    // ------------------------------------------------------------------ catalogue entries

    public static org.preconsult.federation.v1.CatalogueEntry toProto(EntrySummary e) {
        return org.preconsult.federation.v1.CatalogueEntry.newBuilder()
                .setId(e.id()).setKind(e.kind()).setOwner(text(e.owner())).setName(e.name())
                .setDescription(text(e.description())).addAllFunctions(e.functions())
                .setFunctionCode(text(e.functionCode())).setLanguage(text(e.language()))
                .setStatus(e.status()).setBudget(e.budget() == null ? "" : e.budget().toPlainString())
                .setOriginNode(text(e.originNode())).setVersion(e.version())
                .build();
    }

    public static EntrySummary fromProto(org.preconsult.federation.v1.CatalogueEntry e, Instant receivedAt) {
        require(!e.getId().isBlank(), "catalogue entry id is empty");
        require(!e.getName().isBlank(), "catalogue entry name is empty");
        return new EntrySummary(e.getId(), e.getKind(), absent(e.getOwner()), e.getName(),
                e.getDescription(), e.getFunctionsList(), absent(e.getFunctionCode()), absent(e.getLanguage()),
                e.getStatus(), decimal(e.getBudget()), absent(e.getOriginNode()),
                e.getVersion(), receivedAt);
    }

    // ------------------------------------------------------------------ helpers

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static String absent(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private static BigDecimal decimal(String value) {
        return value == null || value.isEmpty() ? null : new BigDecimal(value);
    }

    private static LocalDate date(String value) {
        return value == null || value.isEmpty() ? null : LocalDate.parse(value);
    }
}
