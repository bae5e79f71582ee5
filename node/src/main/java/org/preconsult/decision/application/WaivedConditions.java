package org.preconsult.decision.application;

import java.util.Optional;
import org.preconsult.decision.model.Waiver;

/**
 * The owner's side of a waiver: applies a verified waiver to the condition it is about. Implemented
 * by the plan feature ({@code org.preconsult.plan.application.PlanConditions}); the call joins the
 * transaction that verified the waiver.
 */
public interface WaivedConditions {

    /**
     * Applies the waiver signed by {@code signerNode}: empty when applied or when it changes nothing
     * (already waived, already fulfilled), else why it is refused (an unknown condition, or a signer
     * that did not impose it).
     */
    Optional<String> waive(Waiver waiver, String signerNode);
}
