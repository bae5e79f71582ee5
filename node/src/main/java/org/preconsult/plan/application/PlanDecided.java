package org.preconsult.plan.application;

import org.preconsult.plan.model.Plan;
import org.preconsult.decision.model.Decision;

/**
 * Published in the transaction that applied a decision to one of this node's plans, so that what
 * follows a decision (its record for the statistics above) joins that transaction.
 *
 * @param plan     the plan as the decision left it
 * @param decision the decision applied
 */
public record PlanDecided(Plan plan, Decision decision) {
}
