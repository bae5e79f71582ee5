package org.preconsult.decision.infrastructure;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.preconsult.decision.application.DecidedPlans;
import org.preconsult.decision.application.DecisionOutlet;
import org.preconsult.decision.model.Decision;
import org.preconsult.federation.application.Downstream;
import org.preconsult.federation.v1.DecisionContent;
import org.preconsult.node.NodeSettings;
import org.preconsult.signing.infrastructure.SignedDecisions;
import org.preconsult.signing.model.ReplayCheck;
import org.preconsult.signing.model.Verification;

/**
 * The decision's way down from the deciding node: signs it with this node's key and queues it in
 * the feed for the plan's origin ({@link ReceivingDecisions} takes it at every node below).
 */
@Singleton
class SignedDecisionOutlet implements DecisionOutlet {

    private final SignedDecisions signed;
    private final Downstream feed;
    private final NodeSettings node;
    private final DecidedPlans plans;

    SignedDecisionOutlet(SignedDecisions signed, Downstream feed, NodeSettings node, DecidedPlans plans) {
        this.signed = signed;
        this.feed = feed;
        this.node = node;
        this.plans = plans;
    }

    /**
     * A decision on one of this node's own plans is verified and applied here at once; any other
     * goes into the feed for the plan's origin.
     */
    @Override
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void send(Decision decision) {
        var sealed = signed.sign(DecisionMessages.toProto(decision));
        if (!decision.originNode().equals(node.id())) {
            feed.address(decision.originNode(), decision.planId(), decision.planRevision(), sealed.toByteArray());
            return;
        }
        if (signed.verify(sealed, node.id()) instanceof Verification.Verified<DecisionContent> ok
                && signed.markApplied(ok.content()) instanceof ReplayCheck.Fresh) {
            plans.apply(decision, ok.keyId()).ifPresent(refusal -> {
                throw new IllegalStateException("Own decision " + decision.decisionId() + " not applied: " + refusal);
            });
        }
    }
}
