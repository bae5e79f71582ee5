package org.preconsult.redundancy.application;

import org.preconsult.redundancy.model.CheckResult;
import org.preconsult.redundancy.model.PlanDraft;

/**
 * Checks a plan against this node's catalogue copy: the port other features call (plan drafting,
 * review routing). The use case behind it is {@link CheckingRedundancy}.
 */
public interface RedundancyCheck {

    /** Ranks the catalogue entries the plan may duplicate (at most {@code limit}) and recommends. */
    CheckResult check(PlanDraft draft, int limit);
}
