package org.preconsult.plan.application;

import org.preconsult.plan.model.Completeness;
import org.preconsult.plan.model.Plan;
import org.preconsult.plan.model.PlanStatus;

/** What came of a change to a plan: done, or the rule it broke. The API maps each refusal to its problem once. */
public sealed interface PlanChange permits PlanChange.Done, PlanChange.UnknownPlan, PlanChange.NotEditable,
        PlanChange.NotWithdrawable, PlanChange.AlreadySubmitted, PlanChange.Incomplete, PlanChange.KeyReused {

    /** The change was made; {@code plan} is the plan as it is now (null after a withdrawal). */
    record Done(Plan plan) implements PlanChange {
    }

    /** No plan of this id exists at this node. */
    record UnknownPlan(String planId) implements PlanChange {
    }

    /** The plan is under review or decided: it can be edited again after a return or a deferral. */
    record NotEditable(String planId, PlanStatus status) implements PlanChange {
    }

    /** Only a draft that was never submitted can be withdrawn. */
    record NotWithdrawable(String planId, PlanStatus status) implements PlanChange {
    }

    /** The plan was submitted already. */
    record AlreadySubmitted(String planId, PlanStatus status) implements PlanChange {
    }

    /** The plan lacks what review needs; it was not submitted and nothing travelled. */
    record Incomplete(Completeness completeness) implements PlanChange {
    }

    /** The Idempotency-Key was used before for a different plan. */
    record KeyReused() implements PlanChange {
    }
}
