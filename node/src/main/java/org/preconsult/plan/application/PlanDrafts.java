package org.preconsult.plan.application;

import org.preconsult.catalogue.model.EntryIds;
import org.preconsult.node.NodeSettings;
import org.preconsult.plan.model.Plan;
import org.preconsult.redundancy.model.PlanDraft;

/** What the advisory redundancy check reads of one of this node's plans, made in one place for the API and the pages. */
public final class PlanDrafts {

    private PlanDrafts() {
    }

    /** The plan's content as this government's draft; its own catalogue entry never matches it. */
    public static PlanDraft of(Plan plan, NodeSettings node) {
        var c = plan.content();
        return new PlanDraft(c.title(), c.purpose(), c.functions(), c.functionCode(), c.language(), node.name(),
                c.budget(), EntryIds.plan(node.id(), plan.id()));
    }
}
