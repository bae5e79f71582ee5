package org.preconsult.review.api;

import io.micronaut.serde.annotation.SerdeImport;
import org.preconsult.federation.model.PreliminaryReview;
import org.preconsult.review.application.CaseConditions;
import org.preconsult.review.application.ReviewPolicy;
import org.preconsult.review.model.TurnaroundReport;

/** Values of the review feature that its API returns as they are. */
@SerdeImport(TurnaroundReport.Level.class)
@SerdeImport(ReviewPolicy.Policy.class)
@SerdeImport(CaseConditions.GovernmentSummary.class)
@SerdeImport(PreliminaryReview.MatchBrief.class)
final class ReviewSerdeImports {
    private ReviewSerdeImports() {
    }
}
