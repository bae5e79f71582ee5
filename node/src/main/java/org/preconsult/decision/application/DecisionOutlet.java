package org.preconsult.decision.application;

import org.preconsult.decision.model.Decision;

/** Sends a decision on its way to the plan's origin, signed, within the deciding transaction. */
public interface DecisionOutlet {
    void send(Decision decision);
}
