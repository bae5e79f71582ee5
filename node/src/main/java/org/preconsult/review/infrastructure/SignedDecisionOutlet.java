package org.preconsult.review.infrastructure;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.preconsult.federation.v1.DecisionContent;
import org.preconsult.node.NodeSettings;
import org.preconsult.plan.application.ApplyingDecision;
import org.preconsult.review.application.DecisionOutlet;
import org.preconsult.signing.model.ReplayCheck;
import org.preconsult.signing.model.Verification;
import org.preconsult.review.model.Decision;
import org.preconsult.signing.infrastructure.SignedDecisions;
import org.preconsult.sync.application.Feed;

/** Signs a decision with this node's key and sends it to the plan's origin. */
@Singleton
class SignedDecisionOutlet implements DecisionOutlet {

    private final SignedDecisions signed;
    private final Feed feed;
    private final NodeSettings node;
    private final ApplyingDecision applying;

    SignedDecisionOutlet(SignedDecisions signed, Feed feed, NodeSettings node, ApplyingDecision applying) {
        this.signed = signed;
        this.feed = feed;
        this.node = node;
        this.applying = applying;
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
            feed.address(decision.originNode(), decision.planId(), decision.planRevision(), sealed);
            return;
        }
        if (signed.verify(sealed, node.id()) instanceof Verification.Verified<DecisionContent> ok
                && signed.markApplied(ok.content()) instanceof ReplayCheck.Fresh) {
            applying.apply(decision, ok.keyId()).ifPresent(refusal -> {
                throw new IllegalStateException("Own decision " + decision.decisionId() + " not applied: " + refusal);
            });
        }
    }
}
