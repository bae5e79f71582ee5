package org.preconsult.federation.application;

import org.preconsult.federation.model.PlanSummary;

/**
 * Where a plan this node submitted goes for review: up to the parent, or (at the top of the tree)
 * into review here. Implemented by the review feature; joins the submitting transaction.
 */
public interface OwnPlanReview {

    void submitted(PlanSummary plan);
}
