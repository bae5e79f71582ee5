package org.preconsult.lifecycle.api;

import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.preconsult.lifecycle.model.PlanRecord;

/** A plan's life after its decision, as the API shows it, with its flags measured now. */
@Serdeable
record PlanRecordView(String planId, String ownerNode, String ownerName, String title, BigDecimal budget,
                      String stage, Instant submittedAt, Instant approvedAt, LocalDate kickoffOn, LocalDate goLiveOn,
                      String cancelReason, String systemId, Instant lastUpdateAt, boolean lateRegistration,
                      boolean stale, long version, List<DecisionLineView> decisions,
                      List<DeliverableView> deliverables, List<String> missingDeliverables) {

    @Serdeable
    record DeliverableView(String kind, String title, LocalDate deliveredOn, long sizeBytes, String checksum,
                           String link) {
    }

    @Serdeable
    record DecisionLineView(int revision, String outcome, BigDecimal budget, Instant submittedAt, Instant decidedAt,
                            String decidingNode) {
    }

    static PlanRecordView of(PlanRecord r, Instant now, Duration staleAfter) {
        return new PlanRecordView(r.planId(), r.ownerNode(), r.ownerName(), r.title(), r.budget(), r.stage().name(),
                r.submittedAt(), r.approvedAt(), r.kickoffOn(), r.goLiveOn(), r.cancelReason(), r.systemId(),
                r.lastUpdateAt(), r.lateRegistration(), r.staleAt(now, staleAfter), r.version(),
                r.decisions().stream().map(d -> new DecisionLineView(d.revision(), d.outcome(), d.budget(),
                        d.submittedAt(), d.decidedAt(), d.decidingNode())).toList(),
                r.deliverables().stream().map(d -> new DeliverableView(d.kind().name(), d.title(), d.deliveredOn(),
                        d.sizeBytes(), d.checksum(), d.link())).toList(),
                r.missingDeliverables().stream().map(Enum::name).sorted().toList());
    }
}
