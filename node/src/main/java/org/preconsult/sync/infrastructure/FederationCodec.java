package org.preconsult.sync.infrastructure;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.preconsult.federation.model.ConditionUpdate;
import org.preconsult.federation.model.DecisionReport;
import org.preconsult.federation.model.EntryDetails;
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
        var builder = org.preconsult.federation.v1.SystemSummary.newBuilder()
                .setSystemId(s.systemId()).setVersion(s.version())
                .setOwnerNode(s.ownerNode()).setOwnerName(text(s.ownerName()))
                .setName(s.name()).setDescription(text(s.description()))
                .addAllFunctions(s.functions()).setFunctionCode(text(s.functionCode()))
                .setPlatform(text(s.platform())).setStatus(s.status())
                .setGoLiveYear(s.goLiveYear() == null ? 0 : s.goLiveYear())
                .setLanguage(text(s.language()));
        if (s.details() != null) {
            builder.setDetails(toProto(s.details()));
        }
        return builder.build();
    }

    public static SystemSummary fromProto(org.preconsult.federation.v1.SystemSummary s) {
        require(!s.getSystemId().isBlank(), "system_id is empty");
        require(!s.getOwnerNode().isBlank(), "owner_node is empty");
        require(!s.getName().isBlank(), "name is empty");
        return new SystemSummary(s.getSystemId(), s.getVersion(), s.getOwnerNode(), absent(s.getOwnerName()),
                s.getName(), absent(s.getDescription()), s.getFunctionsList(), absent(s.getFunctionCode()),
                absent(s.getPlatform()), s.getStatus(), s.getGoLiveYear() == 0 ? null : s.getGoLiveYear(),
                absent(s.getLanguage()), s.hasDetails() ? fromProto(s.getDetails()) : null);
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
        var builder = org.preconsult.federation.v1.CatalogueEntry.newBuilder()
                .setId(e.id()).setKind(e.kind()).setOwner(text(e.owner())).setName(e.name())
                .setDescription(text(e.description())).addAllFunctions(e.functions())
                .setFunctionCode(text(e.functionCode())).setLanguage(text(e.language()))
                .setStatus(e.status()).setBudget(e.budget() == null ? "" : e.budget().toPlainString())
                .setOriginNode(text(e.originNode())).setVersion(e.version());
        if (e.details() != null) {
            builder.setDetails(toProto(e.details()));
        }
        return builder.build();
    }

    static org.preconsult.federation.v1.EntryDetails toProto(EntryDetails d) {
        var builder = org.preconsult.federation.v1.EntryDetails.newBuilder();
        for (var t : d.translations()) {
            builder.addTranslations(org.preconsult.federation.v1.EntryText.newBuilder().setLanguage(t.language())
                    .setName(text(t.name())).setDescription(text(t.description())).addAllFunctions(t.functions()));
        }
        for (var r : d.relations()) {
            builder.addRelations(org.preconsult.federation.v1.EntryLink.newBuilder().setType(r.type()).setTarget(r.target()));
        }
        return builder.build();
    }

    /**
     * Reads an entry's details within the bounds of the catalogue's columns: at most
     * {@link EntryDetails#MAX_TRANSLATIONS} translations, one per language, and
     * {@link EntryDetails#MAX_RELATIONS} relations with a type and a target.
     */
    static EntryDetails fromProto(org.preconsult.federation.v1.EntryDetails d) {
        require(d.getTranslationsCount() <= EntryDetails.MAX_TRANSLATIONS, "an entry has at most "
                + EntryDetails.MAX_TRANSLATIONS + " translations");
        require(d.getRelationsCount() <= EntryDetails.MAX_RELATIONS, "an entry has at most "
                + EntryDetails.MAX_RELATIONS + " relations");
        var translations = d.getTranslationsList().stream().map(t -> {
            require(!t.getLanguage().isBlank() && t.getLanguage().length() <= 20 && t.getName().length() <= 1000,
                    "a translation needs its language (at most 20 characters) and a name of at most 1000");
            return new EntryDetails.Text(t.getLanguage(), absent(t.getName()), t.getDescription(), t.getFunctionsList());
        }).toList();
        require(translations.stream().map(EntryDetails.Text::language).distinct().count() == translations.size(),
                "an entry has one translation per language");
        var relations = d.getRelationsList().stream().map(r -> {
            require(!r.getType().isBlank() && r.getType().length() <= 20 && !r.getTarget().isBlank()
                    && r.getTarget().length() <= 1000, "a relation needs its type and a target of at most 1000 characters");
            return new EntryDetails.Link(r.getType(), r.getTarget());
        }).toList();
        return new EntryDetails(translations, relations);
    }

    public static EntrySummary fromProto(org.preconsult.federation.v1.CatalogueEntry e, Instant receivedAt) {
        require(!e.getId().isBlank(), "catalogue entry id is empty");
        require(!e.getName().isBlank(), "catalogue entry name is empty");
        return new EntrySummary(e.getId(), e.getKind(), absent(e.getOwner()), e.getName(),
                e.getDescription(), e.getFunctionsList(), absent(e.getFunctionCode()), absent(e.getLanguage()),
                e.getStatus(), decimal(e.getBudget()), absent(e.getOriginNode()),
                e.getVersion(), receivedAt, e.hasDetails() ? fromProto(e.getDetails()) : null);
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
