package org.preconsult.decision.infrastructure;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.preconsult.decision.application.DecidedPlans;
import org.preconsult.decision.application.ForwardedCases;
import org.preconsult.federation.application.Downstream;
import org.preconsult.federation.v1.DecisionContent;
import org.preconsult.federation.v1.SignedDecision;
import org.preconsult.node.NodeSettings;
import org.preconsult.signing.infrastructure.SignedDecisions;
import org.preconsult.signing.model.ReplayCheck;
import org.preconsult.signing.model.Verification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The decision's arrival at a node below the decider, from the parent's feed. A node between the
 * decider and the plan's origin verifies it for relay, passes it on to its own child and lets its
 * forwarded case learn the outcome; the origin verifies it against the chain to the root, checks it
 * was not applied before, and applies it to the plan ({@link DecidedPlans}).
 */
@Singleton
public class ReceivingDecisions {

    private static final Logger LOG = LoggerFactory.getLogger(ReceivingDecisions.class);

    private final SignedDecisions decisions;
    private final Downstream feed;
    private final DecidedPlans plans;
    private final ForwardedCases forwarded;
    private final NodeSettings node;

    ReceivingDecisions(SignedDecisions decisions, Downstream feed, DecidedPlans plans, ForwardedCases forwarded,
                       NodeSettings node) {
        this.decisions = decisions;
        this.feed = feed;
        this.plans = plans;
        this.forwarded = forwarded;
        this.node = node;
    }

    /**
     * Takes a signed decision addressed to {@code address}, in the transaction of the feed item
     * that carried it; returns why the item is refused, when the decision could not be applied. A
     * decision whose signature or freshness fails is recorded by the signing checks and logged.
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public Optional<String> received(String address, byte[] signedDecision, long position) {
        SignedDecision signed = parse(signedDecision);
        if (!address.equals(node.id()) && node.hasChildren()) {
            relay(address, signed, signedDecision);
            return Optional.empty();
        }
        var verification = decisions.verify(signed, node.id());
        if (verification instanceof Verification.Rejected<?> no) {
            LOG.warn("Decision at position {} rejected: {} {}", position, no.reason(), no.message());
            return Optional.empty();
        }
        var ok = (Verification.Verified<DecisionContent>) verification;
        if (decisions.markApplied(ok.content()) instanceof ReplayCheck.Replayed replayed) {
            LOG.warn("Decision {} rejected: {}", replayed.decisionId(), replayed.message());
            return Optional.empty();
        }
        return plans.apply(DecisionMessages.fromProto(ok.content()), ok.keyId())
                .map(refusal -> "decision " + ok.content().getDecisionId() + " not applied: " + refusal);
    }

    private static SignedDecision parse(byte[] signedDecision) {
        try {
            return SignedDecision.parseFrom(signedDecision);
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            throw new IllegalArgumentException("not a signed decision: " + e.getMessage(), e);
        }
    }

    private void relay(String address, SignedDecision signed, byte[] bytes) {
        if (decisions.verifyForRelay(signed) instanceof Verification.Verified<DecisionContent> ok) {
            if (!feed.holds(address, bytes)) {
                feed.address(address, ok.content().getPlanId(), ok.content().getPlanRevision(), bytes);
            }
            forwarded.parentDecided(DecisionMessages.fromProto(ok.content()));
        }
    }
}
