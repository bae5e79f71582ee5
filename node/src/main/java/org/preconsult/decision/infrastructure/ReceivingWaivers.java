package org.preconsult.decision.infrastructure;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.preconsult.decision.application.WaivedConditions;
import org.preconsult.federation.application.Downstream;
import org.preconsult.federation.v1.ConditionWaiver;
import org.preconsult.federation.v1.SignedConditionWaiver;
import org.preconsult.node.NodeSettings;
import org.preconsult.signing.infrastructure.SignedDecisions;
import org.preconsult.signing.model.Verification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A condition's waiver arriving from the parent's feed. A node between the deciding node and the
 * plan's owner verifies it and passes it on to its own child; the owner verifies it, and the plan
 * feature ({@link WaivedConditions}) checks that the signer imposed the condition and applies it
 * once. A waiver that fails any check is refused with its reason (recorded as a rejected item).
 */
@Singleton
public class ReceivingWaivers {

    private static final Logger LOG = LoggerFactory.getLogger(ReceivingWaivers.class);

    private final SignedDecisions signed;
    private final Downstream feed;
    private final WaivedConditions conditions;
    private final NodeSettings node;

    ReceivingWaivers(SignedDecisions signed, Downstream feed, WaivedConditions conditions, NodeSettings node) {
        this.signed = signed;
        this.feed = feed;
        this.conditions = conditions;
        this.node = node;
    }

    /** Takes a signed waiver addressed to {@code address}; returns why it is refused, if it is. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public Optional<String> received(String address, byte[] signedWaiver, long position) {
        SignedConditionWaiver waiver;
        try {
            waiver = SignedConditionWaiver.parseFrom(signedWaiver);
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            return Optional.of("not a signed waiver: " + e.getMessage());
        }
        boolean relay = !address.equals(node.id()) && node.hasChildren();
        var verification = signed.verifyWaiver(waiver, relay ? null : node.id());
        if (verification instanceof Verification.Rejected<ConditionWaiver> no) {
            LOG.warn("Waiver at position {} rejected: {} {}", position, no.reason(), no.message());
            return Optional.of("waiver " + no.reason() + ": " + no.message());
        }
        var ok = (Verification.Verified<ConditionWaiver>) verification;
        if (relay) {
            if (!feed.holdsWaiver(address, signedWaiver)) {
                feed.addressWaiver(address, ok.content().getConditionId(), signedWaiver);
            }
            return Optional.empty();
        }
        return conditions.waive(WaiverMessages.fromProto(ok.content()), waiver.getSignerNode())
                .map(refusal -> "waiver " + ok.content().getWaiverId() + " not applied: " + refusal);
    }
}
