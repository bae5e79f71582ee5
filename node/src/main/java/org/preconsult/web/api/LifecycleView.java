package org.preconsult.web.api;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.preconsult.lifecycle.model.PlanRecord;

/**
 * A decided plan's life after its decision as the plan's page and the lifecycle pages show it:
 * its stage and dates, its flags measured now, and its deliverables.
 */
// Public only so that the precompiled templates (another package) can name it.
public record LifecycleView(String stage, LocalDate kickoffOn, LocalDate goLiveOn, String cancelReason,
                            String systemId, Instant lastUpdateAt, boolean stale, boolean lateRegistration,
                            List<DeliverableRow> deliverables, List<String> missingDeliverables) {

    /** One recorded deliverable's metadata. */
    public record DeliverableRow(String kind, String title, LocalDate deliveredOn, long sizeBytes, String checksum,
                                 String link) {
    }

    static LifecycleView of(PlanRecord r, Instant now, Duration staleAfter) {
        return new LifecycleView(r.stage().name(), r.kickoffOn(), r.goLiveOn(), r.cancelReason(), r.systemId(),
                r.lastUpdateAt(), r.staleAt(now, staleAfter), r.lateRegistration(),
                r.deliverables().stream().map(d -> new DeliverableRow(d.kind().name(), d.title(), d.deliveredOn(),
                        d.sizeBytes(), d.checksum(), d.link())).toList(),
                r.missingDeliverables().stream().sorted().map(Enum::name).toList());
    }

    /** Whether the project may be started: the plan approved and not yet started. */
    public boolean canKickOff() {
        return stage.equals("APPROVED") || stage.equals("CONDITIONALLY_APPROVED");
    }

    /** Whether the project may be completed or cancelled: approved or started. */
    public boolean canFinish() {
        return canKickOff() || stage.equals("IN_PROGRESS");
    }

    /** Whether deliverables may be recorded: approved, started or completed. */
    public boolean canDeliver() {
        return canFinish() || stage.equals("COMPLETED");
    }

    /** Whether the plan has a life after its decision at all (deferred and returned plans wait for their next submission). */
    public boolean hasLife() {
        return canDeliver() || stage.equals("CANCELLED");
    }
}
