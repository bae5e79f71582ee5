package org.preconsult.review.model;

import java.math.BigDecimal;
import java.util.Set;
import org.preconsult.common.model.Outcome;
import org.preconsult.federation.model.PlanSummary;
import org.preconsult.redundancy.model.CheckResult;

/**
 * Who reviews a plan that reaches a provincial node: the rules of thresholds and of categories
 * that always go up, as one named function. The outcome says where and why.
 */
public sealed interface Routing permits Routing.DecideHere, Routing.Forward {

    String reason();

    /** The provincial node opens the case and decides. */
    record DecideHere(String reason) implements Routing {
    }

    /** The provincial node adds its preliminary review and forwards the plan to its parent. */
    record Forward(String reason) implements Routing {
    }

    /** Categories of plans that go up whatever their budget. */
    enum AlwaysForward {
        /** The plan overlaps a standard system: only central can defer to its own standard. */
        STANDARD_SYSTEM_OVERLAP,
        /** The plan is flagged disaster or safety. */
        DISASTER_OR_SAFETY,
        /** The plan states no budget, so the threshold cannot be applied. */
        NO_BUDGET
    }

    /** Routes a plan of the subtree given the province's own check of it. */
    static Routing route(PlanSummary plan, CheckResult check, BigDecimal threshold, Set<AlwaysForward> always) {
        if (always.contains(AlwaysForward.STANDARD_SYSTEM_OVERLAP) && check != null
                && check.recommendation() != null && check.recommendation().outcome() == Outcome.DEFERRAL) {
            return new Forward("overlaps a standard system: standard systems are decided at the central level");
        }
        if (always.contains(AlwaysForward.DISASTER_OR_SAFETY) && plan.disasterOrSafety()) {
            return new Forward("disaster or safety plans are always reviewed at the central level");
        }
        if (plan.budget() == null) {
            return always.contains(AlwaysForward.NO_BUDGET)
                    ? new Forward("no budget stated, so the threshold of " + threshold.toPlainString() + " cannot be applied")
                    : new DecideHere("no budget stated; decided at the provincial level");
        }
        if (plan.budget().compareTo(threshold) > 0) {
            return new Forward("budget " + plan.budget().toPlainString() + " is above the provincial threshold of "
                    + threshold.toPlainString());
        }
        return new DecideHere("budget " + plan.budget().toPlainString() + " is within the provincial threshold of "
                + threshold.toPlainString());
    }
}
