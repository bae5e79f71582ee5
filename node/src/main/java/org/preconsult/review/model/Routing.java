package org.preconsult.review.model;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.preconsult.common.model.Outcome;
import org.preconsult.common.model.RuleText;
import org.preconsult.federation.model.PlanSummary;
import org.preconsult.redundancy.model.CheckResult;

/**
 * Who reviews a plan that reaches a provincial node: the rules of thresholds and of categories
 * that always go up, as one named function. The outcome says where and why.
 */
public sealed interface Routing permits Routing.DecideHere, Routing.Forward {

    String reason();

    RuleText.Template STANDARD = new RuleText.Template("routing.standard",
            "overlaps a standard system: standard systems are decided at the central level");
    RuleText.Template DISASTER = new RuleText.Template("routing.disaster",
            "disaster or safety plans are always reviewed at the central level");
    RuleText.Template NO_BUDGET_FORWARD = new RuleText.Template("routing.noBudget.forward",
            "no budget stated, so the threshold of {0} cannot be applied");
    RuleText.Template NO_BUDGET_HERE = new RuleText.Template("routing.noBudget.here",
            "no budget stated; decided at the provincial level");
    RuleText.Template ABOVE = new RuleText.Template("routing.above", "budget {0} is above the provincial threshold of {1}");
    RuleText.Template WITHIN = new RuleText.Template("routing.within", "budget {0} is within the provincial threshold of {1}");
    /** The reason of a case opened at central for a plan that a province forwarded: its node, its reason. */
    RuleText.Template FORWARDED_BY = new RuleText.Template("routing.forwardedBy", "Forwarded by {0}: {1}");
    /** The reason of a case opened where no parent is above: the plan's owner. */
    RuleText.Template OWN_REVIEW = new RuleText.Template("routing.ownReview", "Plan of {0}, whose review belongs to this node");
    /** A province's opinion in its preliminary review: its name, the outcome it recommends (and what to adopt). */
    RuleText.Template OPINION = new RuleText.Template("opinion.recommends",
            "{0} checked the plan against its catalogue and recommends {1}.");
    RuleText.Template OPINION_PROPOSING = new RuleText.Template("opinion.proposing",
            "{0} checked the plan against its catalogue and recommends {1}, proposing {2} of {3}.");
    RuleText.Template OPINION_NO_CHECK = new RuleText.Template("opinion.noCheck", "No redundancy check was available at {0}.");

    /** Every text of the routing and of the preliminary review, for pages that show them in their language. */
    List<RuleText.Template> TEXTS = List.of(STANDARD, DISASTER, NO_BUDGET_FORWARD, NO_BUDGET_HERE, ABOVE, WITHIN,
            FORWARDED_BY, OWN_REVIEW, OPINION, OPINION_PROPOSING, OPINION_NO_CHECK);

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
            return new Forward(STANDARD.fill());
        }
        if (always.contains(AlwaysForward.DISASTER_OR_SAFETY) && plan.disasterOrSafety()) {
            return new Forward(DISASTER.fill());
        }
        if (plan.budget() == null) {
            return always.contains(AlwaysForward.NO_BUDGET)
                    ? new Forward(NO_BUDGET_FORWARD.fill(threshold.toPlainString()))
                    : new DecideHere(NO_BUDGET_HERE.fill());
        }
        if (plan.budget().compareTo(threshold) > 0) {
            return new Forward(ABOVE.fill(plan.budget().toPlainString(), threshold.toPlainString()));
        }
        return new DecideHere(WITHIN.fill(plan.budget().toPlainString(), threshold.toPlainString()));
    }
}
