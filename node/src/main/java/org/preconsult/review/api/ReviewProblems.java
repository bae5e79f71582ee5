package org.preconsult.review.api;

import io.micronaut.http.HttpStatus;
import java.util.List;
import java.util.Optional;
import org.preconsult.common.api.Problem;
import org.preconsult.common.api.ProblemException;
import org.preconsult.review.application.DecisionResult;
import org.preconsult.review.model.ReviewCase;

/** The one place review outcomes become problem responses, for the API and the pages alike. */
public final class ReviewProblems {

    private ReviewProblems() {
    }

    /** The decided case, or the problem that says why the decision was refused. */
    public static ReviewCase decided(DecisionResult result) {
        if (result instanceof DecisionResult.Decided d) {
            return d.decided();
        } else if (result instanceof DecisionResult.ConditionsRequired) {
            throw ProblemException.invalid("A conditional approval needs at least one condition.",
                    List.of(new Problem.FieldError("conditions", "add the obligation, e.g. 'assess adoption of system X before procurement'")));
        } else if (result instanceof DecisionResult.ConditionsNotAllowed) {
            throw ProblemException.invalid("Only a conditional approval carries conditions.",
                    List.of(new Problem.FieldError("conditions", "remove them or choose CONDITIONAL_APPROVAL")));
        } else if (result instanceof DecisionResult.UnknownCase u) {
            throw ProblemException.notFound("Review case", u.caseId());
        } else if (result instanceof DecisionResult.NotOpen n) {
            throw ProblemException.conflict("Review case " + n.caseId() + " is " + n.status()
                    + (n.outcome() == null ? "" : " (" + n.outcome() + ")") + " and cannot be decided here.");
        } else if (result instanceof DecisionResult.OverrideReasonMissing o) {
            throw new ProblemException(HttpStatus.BAD_REQUEST,
                    "The recommendation was " + o.recommended() + "; say why you decide " + o.chosen() + ".",
                    List.of(new Problem.FieldError("overrideReason", "required when the outcome differs from the recommendation")));
        }
        throw new IllegalStateException("Unhandled decision result " + result);
    }

    /** The case, or 404 when this node has none of this id. */
    public static ReviewCase found(Optional<ReviewCase> found, String caseId) {
        return found.orElseThrow(() -> ProblemException.notFound("Review case", caseId));
    }
}
