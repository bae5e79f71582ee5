package org.preconsult.plan.application;

import org.preconsult.decision.model.ConditionStatus;

/**
 * Published in the transaction that settled a condition of one of this node's plans (fulfilled by
 * the applicant, by hand or by a completed adoption), so that the plan's record above learns of it.
 */
public record ConditionSettled(String planId, String conditionId, ConditionStatus status) {
}
