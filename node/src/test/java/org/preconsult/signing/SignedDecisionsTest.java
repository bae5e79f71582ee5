package org.preconsult.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.preconsult.signing.DecisionFixture.decision;
import static org.preconsult.signing.DecisionFixture.signedWith;
import static org.preconsult.testing.NodeFixture.NODE_ID;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.preconsult.federation.v1.DecisionContent;
import org.preconsult.federation.v1.SignedDecision;
import org.preconsult.signing.application.KeyRing;
import org.preconsult.signing.application.RejectedDecisions;
import org.preconsult.signing.application.RotatingNodeKey;
import org.preconsult.signing.infrastructure.NodeKeyMessages;
import org.preconsult.signing.infrastructure.NodeKeys;
import org.preconsult.signing.infrastructure.SignedDecisions;
import org.preconsult.signing.model.NodeKeyInfo;
import org.preconsult.signing.model.RejectionReason;
import org.preconsult.signing.model.ReplayCheck;
import org.preconsult.signing.model.TrustResult;
import org.preconsult.signing.model.Verification;
import org.preconsult.testing.NodeFixture;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignedDecisionsTest implements TestPropertyProvider {

    @Inject
    SignedDecisions decisions;
    @Inject
    KeyRing keyRing;
    @Inject
    NodeKeys ownKeys;
    @Inject
    RotatingNodeKey rotating;
    @Inject
    RejectedDecisions rejected;
    @Inject
    TransactionOperations<Connection> tx;

    private NodeKeys central;
    private NodeKeys provincial;
    private Path elsewhere;

    @Override
    public Map<String, String> getProperties() {
        return NodeFixture.nodeProperties();
    }

    @BeforeAll
    void centralAndProvincialKeysCameDownTheTree() throws Exception {
        elsewhere = Files.createTempDirectory("other-nodes-");
        central = new NodeKeys(elsewhere.resolve("central"), "central", Clock.systemUTC());
        provincial = new NodeKeys(elsewhere.resolve("provincial"), "provincial", Clock.systemUTC());
        // Keys travel as NodeKey messages; go through the mapper as the sync code does.
        assertInstanceOf(TrustResult.Added.class,
                keyRing.trust(NodeKeyMessages.fromProto(NodeKeyMessages.toProto(central.active().publicPart()))));
        assertInstanceOf(TrustResult.Added.class, keyRing.trust(provincial.active().publicPart()));
    }

    @Test
    void decisionSignedByTheDecidingNode_verifiesAtItsOrigin() {
        DecisionContent content = decision("central", NODE_ID);

        var outcome = decisions.verify(signedWith(central, content), NODE_ID);

        var verified = assertInstanceOf(Verification.Verified.class, outcome);
        assertEquals(content, verified.content());
        assertEquals(central.active().keyId(), verified.keyId());
    }

    @Test
    void decisionSignedHere_verifiesAtTheAddressedNode() {
        var signed = decisions.sign(decision(NODE_ID, NODE_ID));

        assertEquals(ownKeys.active().keyId(), signed.getKeyId());
        assertInstanceOf(Verification.Verified.class, decisions.verify(signed, NODE_ID));
    }

    @Test
    void contentAlteredInTransit_isRejectedAsBadSignature() {
        var signed = signedWith(central, decision("central", NODE_ID));

        assertRejected(RejectionReason.BAD_SIGNATURE, decisions.verify(DecisionFixture.tampered(signed, 5), NODE_ID));
        assertRejected(RejectionReason.BAD_SIGNATURE,
                decisions.verify(DecisionFixture.tampered(signed, signed.getContent().size() - 1), NODE_ID));
    }

    @Test
    void decisionForgedWithAKeyNobodyTrusts_isRejectedAsUnknownKey() {
        var forger = new NodeKeys(elsewhere.resolve("forger"), "central", Clock.systemUTC());

        var outcome = decisions.verify(signedWith(forger, decision("central", NODE_ID)), NODE_ID);

        assertRejected(RejectionReason.UNKNOWN_KEY, outcome);
    }

    @Test
    void decisionForgedUnderTheDecidersKeyId_isRejectedAsBadSignature() {
        var forger = new NodeKeys(elsewhere.resolve("forger-2"), "central", Clock.systemUTC());
        SignedDecision forged = signedWith(forger, decision("central", NODE_ID)).toBuilder()
                .setKeyId(central.active().keyId()).build();

        assertRejected(RejectionReason.BAD_SIGNATURE, decisions.verify(forged, NODE_ID));
    }

    @Test
    void relayingNodeSigningInTheDecidersName_isRejectedAsSignerMismatch() {
        var outcome = decisions.verify(signedWith(provincial, decision("central", NODE_ID)), NODE_ID);

        assertRejected(RejectionReason.SIGNER_MISMATCH, outcome);
    }

    @Test
    void signerNamingAnotherNodesKey_isRejectedAsUnknownKey() {
        SignedDecision claimed = signedWith(provincial, decision("provincial", NODE_ID)).toBuilder()
                .setSignerNode("central").build();

        assertRejected(RejectionReason.UNKNOWN_KEY, decisions.verify(claimed, NODE_ID));
    }

    @Test
    void decisionForAnotherNodesPlan_isRejectedAsMisaddressed() {
        var signed = signedWith(central, decision("central", "local-elsewhere"));

        assertRejected(RejectionReason.MISADDRESSED, decisions.verify(signed, NODE_ID));
        assertInstanceOf(Verification.Verified.class, decisions.verifyForRelay(signed),
                "a relaying node checks authenticity, not the address");
    }

    @Test
    void envelopeWithoutSignatureOrWithUnknownAlgorithm_isRejectedAsMalformed() {
        var signed = signedWith(central, decision("central", NODE_ID));

        assertRejected(RejectionReason.MALFORMED, decisions.verify(signed.toBuilder().clearSignature().build(), NODE_ID));
        assertRejected(RejectionReason.MALFORMED, decisions.verify(signed.toBuilder().setAlgorithm("RSA").build(), NODE_ID));
    }

    @Test
    void signedContentThatIsNotADecision_isRejectedAsMalformed() {
        byte[] garbage = {(byte) 0xff, (byte) 0xff, (byte) 0xff};
        var signed = SignedDecisions.wrap(garbage, central.sign(garbage));

        assertRejected(RejectionReason.MALFORMED, decisions.verify(signed, NODE_ID));
    }

    @Test
    void decisionAppliedOnce_isRejectedAsReplayedWhenItComesAgain() {
        var signed = signedWith(central, decision("central", NODE_ID));
        var first = assertInstanceOf(Verification.Verified.class, decisions.verify(signed, NODE_ID));

        ReplayCheck marked = tx.executeWrite(status -> decisions.markApplied((DecisionContent) first.content()));
        assertInstanceOf(ReplayCheck.Fresh.class, marked);

        assertRejected(RejectionReason.REPLAYED, decisions.verify(signed, NODE_ID));
        var again = tx.executeWrite(status -> decisions.markApplied((DecisionContent) first.content()));
        assertEquals(RejectionReason.REPLAYED, assertInstanceOf(ReplayCheck.Replayed.class, again).reason());
    }

    @Test
    void secondDecisionForAnAlreadyDecidedPlanRevision_isRejectedAsConflicting() {
        var first = decision("central", NODE_ID, "plan-decided-once", 3);
        tx.executeWrite(status -> decisions.markApplied(first));

        var second = decision("central", NODE_ID, "plan-decided-once", 3);
        assertRejected(RejectionReason.CONFLICTING_DECISION, decisions.verify(signedWith(central, second), NODE_ID));

        var nextRevision = decision("central", NODE_ID, "plan-decided-once", 4);
        assertInstanceOf(Verification.Verified.class, decisions.verify(signedWith(central, nextRevision), NODE_ID));
    }

    @Test
    void markingADecisionApplied_outsideTheApplyingTransaction_fails() {
        var content = decision("central", NODE_ID);

        assertThrowsRuntime(() -> decisions.markApplied(content));
    }

    @Test
    void afterRotation_decisionsSignedWithTheOldKeyStillVerify_andNewOnesUseTheNewKey() {
        String oldKey = ownKeys.active().keyId();
        var signedBefore = decisions.sign(decision(NODE_ID, NODE_ID));

        var fresh = rotating.rotate();

        var signedAfter = decisions.sign(decision(NODE_ID, NODE_ID));
        assertEquals(fresh.keyId(), signedAfter.getKeyId());
        assertEquals(oldKey, assertInstanceOf(Verification.Verified.class, decisions.verify(signedBefore, NODE_ID)).keyId());
        assertEquals(fresh.keyId(), assertInstanceOf(Verification.Verified.class, decisions.verify(signedAfter, NODE_ID)).keyId());
        assertTrue(keyRing.all().stream().anyMatch(k -> k.keyId().equals(fresh.keyId())), "own new key is in the ring");
    }

    @Test
    void afterTheDeciderRotates_itsOlderDecisionsStillVerify() throws Exception {
        var decider = new NodeKeys(Files.createTempDirectory("decider-"), "central-2", Clock.systemUTC());
        keyRing.trust(decider.active().publicPart());
        var before = signedWith(decider, decision("central-2", NODE_ID));

        decider.rotate();
        keyRing.trust(decider.active().publicPart());
        var after = signedWith(decider, decision("central-2", NODE_ID));

        assertInstanceOf(Verification.Verified.class, decisions.verify(before, NODE_ID));
        assertInstanceOf(Verification.Verified.class, decisions.verify(after, NODE_ID));
    }

    @Test
    void knownKeyIdWithOtherBytes_isRefused_andTheSameKeyAgainIsAccepted() throws Exception {
        var impostor = new NodeKeys(Files.createTempDirectory("impostor-"), "central", Clock.systemUTC());
        NodeKeyInfo real = central.active().publicPart();
        var swapped = new NodeKeyInfo("central", real.keyId(), real.algorithm(),
                impostor.active().publicPart().publicKey(), real.createdAt());

        assertInstanceOf(TrustResult.Refused.class, keyRing.trust(swapped));
        assertInstanceOf(TrustResult.AlreadyTrusted.class, keyRing.trust(real));
        assertInstanceOf(Verification.Verified.class,
                decisions.verify(signedWith(central, decision("central", NODE_ID)), NODE_ID));
    }

    @Test
    void keyMessageClaimingToBeThisNodesKey_isRefused() throws Exception {
        var impostor = new NodeKeys(Files.createTempDirectory("impostor-"), NODE_ID, Clock.systemUTC());

        assertInstanceOf(TrustResult.Refused.class, keyRing.trust(impostor.active().publicPart()));
        assertRejected(RejectionReason.UNKNOWN_KEY,
                decisions.verify(signedWith(impostor, decision(NODE_ID, NODE_ID)), NODE_ID));
    }

    @Test
    void everyRejection_isRecordedForTheOperator() {
        var forger = new NodeKeys(elsewhere.resolve("forger-3"), "central", Clock.systemUTC());
        var misaddressed = decision("central", "local-elsewhere");
        decisions.verify(signedWith(forger, decision("central", NODE_ID)), NODE_ID);
        decisions.verify(signedWith(central, misaddressed), NODE_ID);

        var recent = rejected.list(0, 2).getContent();

        assertEquals(RejectionReason.MISADDRESSED, recent.get(0).reason());
        assertEquals(misaddressed.getDecisionId(), recent.get(0).decisionId());
        assertEquals(RejectionReason.UNKNOWN_KEY, recent.get(1).reason());
        assertNull(recent.get(1).decisionId(), "unverified content is not read, not even for the record");
        assertEquals(forger.active().keyId(), recent.get(1).keyId());
    }

    private static void assertRejected(RejectionReason reason, Verification<DecisionContent> outcome) {
        var rejection = assertInstanceOf(Verification.Rejected.class, outcome);
        assertEquals(reason, rejection.reason(), rejection.message());
    }

    private static void assertThrowsRuntime(Runnable action) {
        org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class, action::run);
    }
}
