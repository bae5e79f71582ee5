package org.preconsult.review.application;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.preconsult.federation.model.DecisionReport;
import org.preconsult.review.infrastructure.ReviewRepositories.ReportedCaseRow;
import org.preconsult.review.infrastructure.ReviewRepositories.ReportedCaseRows;
import org.preconsult.review.infrastructure.ReviewRepositories.ReviewCaseRows;
import org.preconsult.review.model.CaseStatus;
import org.preconsult.review.model.TurnaroundReport;

/**
 * Turnaround per level: the cases this node decides, plus the decisions lower levels reported up
 * (at central this covers the whole federation).
 */
@Singleton
public class TurnaroundReports {

    private final ReviewCaseRows cases;
    private final ReportedCaseRows reported;
    private final Clock clock;

    public TurnaroundReports(ReviewCaseRows cases, ReportedCaseRows reported, Clock clock) {
        this.cases = cases;
        this.reported = reported;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public TurnaroundReport report() {
        List<TurnaroundReport.CaseClock> clocks = new ArrayList<>();
        for (var row : cases.findByStatusInList(List.of(CaseStatus.OPEN.name(), CaseStatus.DECIDED.name()))) {
            clocks.add(new TurnaroundReport.CaseClock(row.decidingLevel(), row.submittedAt(), row.dueAt(), row.decidedAt()));
        }
        for (var row : reported.findAll()) {
            clocks.add(new TurnaroundReport.CaseClock(row.decidingLevel(), row.submittedAt(), row.dueAt(), row.decidedAt()));
        }
        return TurnaroundReport.of(clocks, clock.instant());
    }

    /** Stores a decision a lower level reported (idempotent by deciding node and case). */
    @Transactional
    public void reported(DecisionReport r) {
        var key = new ReportedCaseRow.Key(r.decidingNode(), r.caseId());
        if (!reported.existsById(key)) {
            reported.save(new ReportedCaseRow(key, r.decisionId(), r.planId(), r.planRevision(), r.ownerNode(),
                    r.ownerName(), r.decidingLevel(), r.outcome(), r.submittedAt(), r.decidedAt(), r.dueAt(),
                    r.automatic(), r.routingReason()));
        }
    }
}
