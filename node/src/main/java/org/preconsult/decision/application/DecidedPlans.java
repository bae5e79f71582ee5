package org.preconsult.decision.application;

import java.util.Optional;
import org.preconsult.decision.model.Decision;

/**
 * The owner's side of a decision: applies a verified, fresh decision to the plan it is about.
 * Implemented by the plan feature ({@code org.preconsult.plan.application.ApplyingDecision}); the
 * call joins the transaction that verified the decision.
 */
public interface DecidedPlans {

    /** Why a verified decision could not be applied. */
    enum Refusal { UNKNOWN_PLAN, STALE_REVISION }

    /** Applies the decision signed with {@code keyId}; empty when applied, else why it was refused. */
    Optional<Refusal> apply(Decision decision, String keyId);
}
