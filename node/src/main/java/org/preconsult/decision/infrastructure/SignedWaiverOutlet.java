package org.preconsult.decision.infrastructure;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.preconsult.decision.application.WaivedConditions;
import org.preconsult.decision.application.WaiverOutlet;
import org.preconsult.decision.model.Waiver;
import org.preconsult.federation.application.Downstream;
import org.preconsult.federation.v1.ConditionWaiver;
import org.preconsult.node.NodeSettings;
import org.preconsult.signing.infrastructure.SignedDecisions;
import org.preconsult.signing.model.Verification;

/**
 * The waiver's way down from the deciding node: signs it with this node's key and queues it in the
 * feed for the plan's owner ({@link ReceivingWaivers} takes it at every node below), as
 * {@link SignedDecisionOutlet} does for a decision.
 */
@Singleton
class SignedWaiverOutlet implements WaiverOutlet {

    private final SignedDecisions signed;
    private final Downstream feed;
    private final NodeSettings node;
    private final WaivedConditions conditions;

    SignedWaiverOutlet(SignedDecisions signed, Downstream feed, NodeSettings node, WaivedConditions conditions) {
        this.signed = signed;
        this.feed = feed;
        this.node = node;
        this.conditions = conditions;
    }

    /**
     * A waiver of a condition on one of this node's own plans is verified and applied here at once;
     * any other goes into the feed for the plan's owner.
     */
    @Override
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void send(Waiver waiver) {
        var sealed = signed.signWaiver(WaiverMessages.toProto(waiver));
        if (!waiver.ownerNode().equals(node.id())) {
            feed.addressWaiver(waiver.ownerNode(), waiver.conditionId(), sealed.toByteArray());
            return;
        }
        if (signed.verifyWaiver(sealed, node.id()) instanceof Verification.Verified<ConditionWaiver> ok) {
            conditions.waive(WaiverMessages.fromProto(ok.content()), sealed.getSignerNode()).ifPresent(refusal -> {
                throw new IllegalStateException("Own waiver " + waiver.waiverId() + " not applied: " + refusal);
            });
        }
    }
}
