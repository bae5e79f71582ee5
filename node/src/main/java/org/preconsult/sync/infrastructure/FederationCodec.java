package org.preconsult.sync.infrastructure;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.preconsult.catalogue.model.CatalogueEntry;
import org.preconsult.catalogue.model.EntryKind;
import org.preconsult.catalogue.model.EntryStatus;
import org.preconsult.federation.model.PlanSummary;
import org.preconsult.federation.model.SystemSummary;
import org.preconsult.federation.model.Upward;
import org.preconsult.federation.v1.Envelope;

/**
 * Maps the federation's domain values to and from their protobuf form. The only place besides the
 * gRPC adapters where generated types appear; empty strings on the wire stand for absent values.
 */
public final class FederationCodec {

    private FederationCodec() {
    }

    // ------------------------------------------------------------------ upward envelopes

    public static Envelope envelope(String originNode, long seq, Instant createdAt, Upward body) {
        var builder = Envelope.newBuilder().setOriginNode(originNode).setSeq(seq)
                .setCreatedAtEpochMs(createdAt.toEpochMilli());
        if (body instanceof Upward.PlanSubmitted p) {
            builder.setPlanSubmitted(toProto(p.plan()));
        } else if (body instanceof Upward.SystemRegistered s) {
            builder.setSystemRegistered(toProto(s.system()));
        }
        return builder.build();
    }

    /** The body of a received envelope, or an exception whose message says what is wrong. */
    public static Upward body(Envelope envelope) {
        return switch (envelope.getBodyCase()) {
            case PLAN_SUBMITTED -> new Upward.PlanSubmitted(fromProto(envelope.getPlanSubmitted()));
            case SYSTEM_REGISTERED -> new Upward.SystemRegistered(fromProto(envelope.getSystemRegistered()));
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

    // ------------------------------------------------------------------ catalogue entries

    public static org.preconsult.federation.v1.CatalogueEntry toProto(CatalogueEntry e) {
        return org.preconsult.federation.v1.CatalogueEntry.newBuilder()
                .setId(e.id()).setKind(e.kind().name()).setOwner(text(e.owner())).setName(e.name())
                .setDescription(text(e.description())).addAllFunctions(e.functions())
                .setFunctionCode(text(e.functionCode())).setLanguage(text(e.language()))
                .setStatus(e.status().name()).setBudget(e.budget() == null ? "" : e.budget().toPlainString())
                .setOriginNode(text(e.originNode())).setVersion(e.version())
                .build();
    }

    public static CatalogueEntry fromProto(org.preconsult.federation.v1.CatalogueEntry e, Instant receivedAt) {
        require(!e.getId().isBlank(), "catalogue entry id is empty");
        require(!e.getName().isBlank(), "catalogue entry name is empty");
        return new CatalogueEntry(e.getId(), EntryKind.valueOf(e.getKind()), absent(e.getOwner()), e.getName(),
                e.getDescription(), e.getFunctionsList(), absent(e.getFunctionCode()), absent(e.getLanguage()),
                EntryStatus.valueOf(e.getStatus()), decimal(e.getBudget()), absent(e.getOriginNode()),
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
