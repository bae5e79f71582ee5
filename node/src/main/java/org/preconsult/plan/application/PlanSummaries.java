package org.preconsult.plan.application;

import org.preconsult.federation.model.PlanSummary;
import org.preconsult.node.NodeSettings;
import org.preconsult.plan.model.Plan;

/**
 * The one mapper that builds what leaves this node about a plan. It copies an explicit allow-list
 * of fields; submitting department, contact person and internal notes are never read here.
 */
public final class PlanSummaries {

    private PlanSummaries() {
    }

    public static PlanSummary of(Plan plan, NodeSettings node) {
        var c = plan.content();
        return new PlanSummary(
                plan.id(),
                plan.revision(),
                node.id(),
                node.name(),
                c.title(),
                c.purpose(),
                c.functions(),
                c.functionCode(),
                c.budget(),
                c.plannedStart(),
                c.plannedEnd(),
                c.platform(),
                c.language(),
                c.disasterOrSafety(),
                plan.status().name(),
                plan.submittedAt(),
                plan.previousCaseId());
    }
}
