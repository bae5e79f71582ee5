package org.preconsult.review.infrastructure;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.preconsult.review.application.DecisionOutlet;
import org.preconsult.review.model.Decision;
import org.preconsult.signing.infrastructure.SignedDecisions;
import org.preconsult.sync.application.Feed;

/** Signs a decision with this node's key and queues it in the feed, addressed to the plan's origin. */
@Singleton
class SignedDecisionOutlet implements DecisionOutlet {

    private final SignedDecisions signed;
    private final Feed feed;

    SignedDecisionOutlet(SignedDecisions signed, Feed feed) {
        this.signed = signed;
        this.feed = feed;
    }

    @Override
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void send(Decision decision) {
        feed.address(decision.originNode(), signed.sign(DecisionMessages.toProto(decision)));
    }
}
