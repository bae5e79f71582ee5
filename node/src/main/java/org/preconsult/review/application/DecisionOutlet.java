package org.preconsult.review.application;

import org.preconsult.review.model.Decision;

/** Sends a decision on its way to the plan's origin, signed, within the deciding transaction. */
public interface DecisionOutlet {
    void send(Decision decision);
}
