package org.preconsult.decision.application;

import org.preconsult.decision.model.Waiver;

/**
 * The waiver's way down from the deciding node to the plan's owner, signed like a decision. Called
 * in the transaction that records the waiver, so the waiver and its message commit together.
 */
public interface WaiverOutlet {

    /** Sends the waiver toward the plan's owner (applies it at once when the owner is this node). */
    void send(Waiver waiver);
}
