package org.preconsult.signing.infrastructure;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.preconsult.federation.v1.ConditionWaiver;
import org.preconsult.federation.v1.DecisionContent;
import org.preconsult.federation.v1.SignedConditionWaiver;
import org.preconsult.federation.v1.SignedDecision;
import org.preconsult.signing.application.AppliedDecisions;
import org.preconsult.signing.application.DecisionSigner;
import org.preconsult.signing.application.KeyRing;
import org.preconsult.signing.application.RejectedDecisions;
import org.preconsult.signing.model.DecisionRules;
import org.preconsult.signing.model.RejectionReason;
import org.preconsult.signing.model.ReplayCheck;
import org.preconsult.signing.model.Signature;
import org.preconsult.signing.model.Verification;

/**
 * Signs decisions into the federation's {@code SignedDecision} and verifies the ones received.
 *
 * <p>Verification order, each step only on what the previous one established:
 * <ol>
 *   <li>the envelope names a signer, a key, the algorithm and carries content and signature
 *       ({@code MALFORMED});</li>
 *   <li>the key is in the key ring for the named signer ({@code UNKNOWN_KEY}) and the signature
 *       matches the exact content bytes ({@code BAD_SIGNATURE}): nothing is parsed before this;</li>
 *   <li>the content parses and is complete ({@code MALFORMED});</li>
 *   <li>the signer is the deciding node named in the content ({@code SIGNER_MISMATCH});</li>
 *   <li>the decision is for a plan of the receiving node ({@code MISADDRESSED});</li>
 *   <li>it was not applied here before and its plan revision has no other decision
 *       ({@code REPLAYED}, {@code CONFLICTING_DECISION}).</li>
 * </ol>
 * Every rejection is logged and recorded in {@code rejected_decision}.
 *
 * <p>A condition's waiver is signed and verified the same way, with the same keys, over its content
 * bytes after a fixed prefix ({@link #WAIVER_CONTEXT}), so that no decision's signature passes for a
 * waiver's. Its checks are steps 1 to 5; whether the signer imposed the condition is for the plan's
 * owner to say, from the condition as it recorded it.
 */
@Singleton
public class SignedDecisions {

    private final DecisionSigner signer;
    private final KeyRing keyRing;
    private final AppliedDecisions applied;
    private final RejectedDecisions rejected;

    public SignedDecisions(DecisionSigner signer, KeyRing keyRing, AppliedDecisions applied, RejectedDecisions rejected) {
        this.signer = signer;
        this.keyRing = keyRing;
        this.applied = applied;
        this.rejected = rejected;
    }

    /** Serializes the content once and signs exactly those bytes with this node's active key. */
    public SignedDecision sign(DecisionContent content) {
        return wrap(content.toByteArray(), signer.sign(content.toByteArray()));
    }

    /** Wraps already signed content bytes; also how a test or a tool builds a decision signed elsewhere. */
    public static SignedDecision wrap(byte[] content, Signature signature) {
        return SignedDecision.newBuilder()
                .setContent(ByteString.copyFrom(content))
                .setSignerNode(signature.signerNode())
                .setKeyId(signature.keyId())
                .setAlgorithm(signature.algorithm())
                .setSignature(ByteString.copyFrom(signature.bytes()))
                .build();
    }

    /**
     * Verifies a decision received for {@code receivingNode} (this node), including that it is
     * addressed here and not yet applied. Joins the caller's transaction, so the replay check reads
     * what the caller will write against.
     */
    @Transactional
    public Verification<DecisionContent> verify(SignedDecision decision, String receivingNode) {
        Verification<DecisionContent> outcome = authentic(decision);
        if (outcome instanceof Verification.Verified<DecisionContent> ok) {
            outcome = addressedAndFresh(ok, receivingNode);
        }
        return recorded(decision, outcome);
    }

    /**
     * Verifies a decision this node only relays down to a child: authentic and signed by its
     * deciding node, without the address and replay checks that belong to the receiving node.
     */
    @Transactional
    public Verification<DecisionContent> verifyForRelay(SignedDecision decision) {
        return recorded(decision, authentic(decision));
    }

    /**
     * Marks a verified decision applied, in the transaction that applies it; apply only on
     * {@code Fresh}. Two concurrent deliveries of one decision cannot both get {@code Fresh}.
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public ReplayCheck markApplied(DecisionContent content) {
        return applied.markApplied(content.getDecisionId(), content.getPlanId(), content.getPlanRevision(),
                content.getDecidingNode());
    }

    /** What a waiver's signature covers before its content bytes. */
    static final byte[] WAIVER_CONTEXT = "preconsult.condition-waiver.v1\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /** Serializes the waiver once and signs the prefixed bytes with this node's active key. */
    public SignedConditionWaiver signWaiver(ConditionWaiver content) {
        byte[] bytes = content.toByteArray();
        var signature = signer.sign(waiverSigned(bytes));
        return wrapWaiver(bytes, signature);
    }

    /** The bytes a waiver's signature covers: the fixed prefix and the content bytes. */
    public static byte[] waiverSigned(byte[] content) {
        byte[] out = new byte[WAIVER_CONTEXT.length + content.length];
        System.arraycopy(WAIVER_CONTEXT, 0, out, 0, WAIVER_CONTEXT.length);
        System.arraycopy(content, 0, out, WAIVER_CONTEXT.length, content.length);
        return out;
    }

    /** Wraps already signed waiver content; also how a test builds a waiver signed elsewhere. */
    public static SignedConditionWaiver wrapWaiver(byte[] content, Signature signature) {
        return SignedConditionWaiver.newBuilder()
                .setContent(ByteString.copyFrom(content))
                .setSignerNode(signature.signerNode())
                .setKeyId(signature.keyId())
                .setAlgorithm(signature.algorithm())
                .setSignature(ByteString.copyFrom(signature.bytes()))
                .build();
    }

    /**
     * Verifies a waiver for relay ({@code receivingNode} null) or for the plan's owner: signed by a
     * trusted key of the node it names as deciding, complete, and (for the owner) addressed here.
     */
    public Verification<ConditionWaiver> verifyWaiver(SignedConditionWaiver waiver, String receivingNode) {
        if (waiver.getSignerNode().isBlank() || waiver.getKeyId().isBlank() || waiver.getAlgorithm().isBlank()
                || waiver.getContent().isEmpty() || waiver.getSignature().isEmpty()) {
            return Verification.rejected(RejectionReason.MALFORMED,
                    "The signed waiver lacks one of content, signer_node, key_id, algorithm, signature.");
        }
        byte[] content = waiver.getContent().toByteArray();
        var signature = new Signature(waiver.getSignerNode(), waiver.getKeyId(), waiver.getAlgorithm(),
                waiver.getSignature().toByteArray());
        Verification<byte[]> signed = keyRing.checkSignature(waiverSigned(content), signature);
        if (signed instanceof Verification.Rejected<byte[]> no) {
            return no.retyped();
        }
        ConditionWaiver parsed;
        try {
            parsed = ConditionWaiver.parseFrom(content);
        } catch (InvalidProtocolBufferException e) {
            return Verification.rejected(RejectionReason.MALFORMED, "The signed content is not a ConditionWaiver.");
        }
        if (parsed.getWaiverId().isBlank() || parsed.getConditionId().isBlank() || parsed.getPlanId().isBlank()
                || parsed.getOwnerNode().isBlank() || parsed.getDecidingNode().isBlank()) {
            return Verification.rejected(RejectionReason.MALFORMED,
                    "The waiver lacks one of waiver_id, condition_id, plan_id, owner_node, deciding_node.");
        }
        Optional<Verification.Rejected<ConditionWaiver>> broken =
                DecisionRules.<ConditionWaiver>signedByDecider(waiver.getSignerNode(), parsed.getDecidingNode())
                        .or(() -> receivingNode == null ? Optional.empty()
                                : DecisionRules.addressedTo(parsed.getOwnerNode(), receivingNode));
        if (broken.isPresent()) {
            return broken.get();
        }
        return new Verification.Verified<>(parsed, waiver.getKeyId());
    }

    private Verification<DecisionContent> authentic(SignedDecision decision) {
        if (decision.getSignerNode().isBlank() || decision.getKeyId().isBlank() || decision.getAlgorithm().isBlank()
                || decision.getContent().isEmpty() || decision.getSignature().isEmpty()) {
            return Verification.rejected(RejectionReason.MALFORMED,
                    "The signed decision lacks one of content, signer_node, key_id, algorithm, signature.");
        }
        byte[] content = decision.getContent().toByteArray();
        var signature = new Signature(decision.getSignerNode(), decision.getKeyId(), decision.getAlgorithm(),
                decision.getSignature().toByteArray());
        Verification<byte[]> signed = keyRing.checkSignature(content, signature);
        if (signed instanceof Verification.Rejected<byte[]> no) {
            return no.retyped();
        }
        DecisionContent parsed;
        try {
            parsed = DecisionContent.parseFrom(content);
        } catch (InvalidProtocolBufferException e) {
            return Verification.rejected(RejectionReason.MALFORMED, "The signed content is not a DecisionContent.");
        }
        Optional<Verification.Rejected<DecisionContent>> broken = DecisionRules.<DecisionContent>complete(
                        parsed.getDecisionId(), parsed.getPlanId(), parsed.getOriginNode(), parsed.getDecidingNode(),
                        parsed.getOutcome())
                .or(() -> DecisionRules.signedByDecider(decision.getSignerNode(), parsed.getDecidingNode()));
        if (broken.isPresent()) {
            return broken.get();
        }
        return new Verification.Verified<>(parsed, decision.getKeyId());
    }

    private Verification<DecisionContent> addressedAndFresh(Verification.Verified<DecisionContent> ok,
                                                            String receivingNode) {
        DecisionContent content = ok.content();
        Optional<Verification.Rejected<DecisionContent>> misaddressed =
                DecisionRules.addressedTo(content.getOriginNode(), receivingNode);
        if (misaddressed.isPresent()) {
            return misaddressed.get();
        }
        if (applied.check(content.getDecisionId(), content.getPlanId(), content.getPlanRevision())
                instanceof ReplayCheck.Replayed replayed) {
            return Verification.rejected(replayed.reason(), replayed.message());
        }
        return ok;
    }

    private Verification<DecisionContent> recorded(SignedDecision decision, Verification<DecisionContent> outcome) {
        if (outcome instanceof Verification.Rejected<DecisionContent> no) {
            rejected.record(trustedDecisionId(decision, no.reason()), blankToNull(decision.getSignerNode()),
                    blankToNull(decision.getKeyId()), no.reason(), no.message());
        }
        return outcome;
    }

    /**
     * The decision id for the record, read only when the signature was verified: before that the
     * content is untrusted and is not parsed at all.
     */
    private static String trustedDecisionId(SignedDecision decision, RejectionReason reason) {
        boolean signatureVerified = switch (reason) {
            case SIGNER_MISMATCH, MISADDRESSED, REPLAYED, CONFLICTING_DECISION -> true;
            case UNKNOWN_KEY, BAD_SIGNATURE, MALFORMED -> false;
        };
        if (!signatureVerified) {
            return null;
        }
        try {
            return blankToNull(DecisionContent.parseFrom(decision.getContent()).getDecisionId());
        } catch (InvalidProtocolBufferException e) {
            return null;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
