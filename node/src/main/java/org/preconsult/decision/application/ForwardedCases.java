package org.preconsult.decision.application;

import org.preconsult.decision.model.Decision;

/**
 * The relaying side of a decision: a node that forwarded a plan upward learns the decision its
 * parent took, as it passes by on its way to the plan's origin. Implemented by the review feature.
 */
public interface ForwardedCases {

    void parentDecided(Decision decision);
}
