package org.preconsult.plan.api;

import io.micronaut.http.HttpStatus;
import java.util.Optional;
import org.preconsult.common.api.Problem;
import org.preconsult.common.api.ProblemException;
import org.preconsult.plan.application.PlanChange;
import org.preconsult.plan.model.Plan;

/** The one place plan outcomes become problem responses, for the API and the pages alike. */
public final class PlanProblems {

    private PlanProblems() {
    }

    /** The plan as the change left it (null after a withdrawal), or the problem that says why it was refused. */
    public static Plan changed(PlanChange change) {
        if (change instanceof PlanChange.Done done) {
            return done.plan();
        } else if (change instanceof PlanChange.UnknownPlan u) {
            throw ProblemException.notFound("Plan", u.planId());
        } else if (change instanceof PlanChange.NotEditable n) {
            throw ProblemException.conflict("Plan " + n.planId() + " is " + n.status()
                    + " and can no longer be edited; it can be edited again after a return or a deferral.");
        } else if (change instanceof PlanChange.NotWithdrawable n) {
            throw ProblemException.conflict("Plan " + n.planId() + " is " + n.status()
                    + "; only a draft that was never submitted can be withdrawn.");
        } else if (change instanceof PlanChange.AlreadySubmitted a) {
            throw ProblemException.conflict("Plan " + a.planId() + " is already " + a.status() + ".");
        } else if (change instanceof PlanChange.Incomplete i) {
            var completeness = i.completeness();
            throw new ProblemException(HttpStatus.BAD_REQUEST,
                    "The plan is incomplete (" + Math.round(completeness.score() * 100) + "% complete) and was not submitted.",
                    completeness.missing().stream().map(m -> new Problem.FieldError(m.field(), m.message())).toList());
        } else if (change instanceof PlanChange.KeyReused) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY,
                    "This Idempotency-Key was already used for a different plan; use a new key for a new plan.");
        }
        throw new IllegalStateException("Unhandled plan change " + change);
    }

    /** The plan, or 404 when this node has none of this id. */
    public static Plan found(Optional<Plan> plan, String planId) {
        return plan.orElseThrow(() -> ProblemException.notFound("Plan", planId));
    }
}
