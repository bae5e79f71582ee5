package org.preconsult.signing;

import com.google.protobuf.ByteString;
import java.util.UUID;
import org.preconsult.federation.v1.DecisionContent;
import org.preconsult.federation.v1.SignedDecision;
import org.preconsult.signing.infrastructure.NodeKeys;
import org.preconsult.signing.infrastructure.SignedDecisions;

/** Decisions as a deciding node would send them. */
final class DecisionFixture {

    private DecisionFixture() {
    }

    static DecisionContent decision(String decidingNode, String originNode) {
        return decision(decidingNode, originNode, "plan-" + UUID.randomUUID(), 1);
    }

    static DecisionContent decision(String decidingNode, String originNode, String planId, int revision) {
        return DecisionContent.newBuilder()
                .setDecisionId("dec-" + UUID.randomUUID())
                .setCaseId("case-" + UUID.randomUUID())
                .setPlanId(planId)
                .setPlanRevision(revision)
                .setOriginNode(originNode)
                .setDecidingNode(decidingNode)
                .setOutcome("UNCONDITIONAL_APPROVAL")
                .addReasons("No significant overlap with the catalogue.")
                .setDecidedAtEpochMs(1_700_000_000_000L)
                .setDecidedBy("reviewer-1")
                .build();
    }

    /** Signed with {@code keys}' active key, as the node owning those keys would sign it. */
    static SignedDecision signedWith(NodeKeys keys, DecisionContent content) {
        byte[] bytes = content.toByteArray();
        return SignedDecisions.wrap(bytes, keys.sign(bytes));
    }

    /** The same decision with one bit of its signed content flipped in transit. */
    static SignedDecision tampered(SignedDecision decision, int index) {
        byte[] bytes = decision.getContent().toByteArray();
        bytes[index] ^= 0x01;
        return decision.toBuilder().setContent(ByteString.copyFrom(bytes)).build();
    }
}
