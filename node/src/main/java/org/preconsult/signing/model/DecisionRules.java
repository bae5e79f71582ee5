package org.preconsult.signing.model;

import java.util.Optional;

/**
 * The rules a received decision must pass once its signature is verified, as named functions.
 * Each returns the rejection when the rule is broken, empty when it holds.
 */
public final class DecisionRules {

    private DecisionRules() {
    }

    /** Only the deciding node may sign its decision; a relaying node cannot speak for it. */
    public static <T> Optional<Verification.Rejected<T>> signedByDecider(String signerNode, String decidingNode) {
        if (signerNode.equals(decidingNode)) {
            return Optional.empty();
        }
        return Optional.of(Verification.rejected(RejectionReason.SIGNER_MISMATCH,
                "Signed by " + signerNode + " but the content names " + decidingNode + " as the deciding node."));
    }

    /** A decision is applied only at the node its plan came from. */
    public static <T> Optional<Verification.Rejected<T>> addressedTo(String originNode, String receivingNode) {
        if (originNode.equals(receivingNode)) {
            return Optional.empty();
        }
        return Optional.of(Verification.rejected(RejectionReason.MISADDRESSED,
                "The decision is for a plan of " + originNode + ", not of " + receivingNode + "."));
    }

    /** Fields without which the decision cannot be applied or attributed. */
    public static <T> Optional<Verification.Rejected<T>> complete(String decisionId, String planId,
                                                                  String originNode, String decidingNode,
                                                                  String outcome) {
        if (isBlank(decisionId) || isBlank(planId) || isBlank(originNode) || isBlank(decidingNode) || isBlank(outcome)) {
            return Optional.of(Verification.rejected(RejectionReason.MALFORMED,
                    "The decision lacks one of decision_id, plan_id, origin_node, deciding_node, outcome."));
        }
        return Optional.empty();
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
