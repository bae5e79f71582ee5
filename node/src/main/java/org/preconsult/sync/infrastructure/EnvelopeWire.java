package org.preconsult.sync.infrastructure;

import com.google.protobuf.InvalidProtocolBufferException;
import java.time.Instant;
import org.preconsult.federation.model.Upward;
import org.preconsult.federation.v1.Envelope;
import org.preconsult.sync.application.Digests;
import org.preconsult.sync.application.WireEnvelope;

/** Turns upward envelopes into bytes with their header, and back: the outbox and inbox never see the generated types. */
public final class EnvelopeWire {

    private EnvelopeWire() {
    }

    /** A new envelope of this node announcing {@code body}. */
    public static WireEnvelope encode(String originNode, String incarnation, long seq, Instant createdAt, Upward body) {
        return of(FederationCodec.envelope(originNode, incarnation, seq, createdAt, body));
    }

    /** A received (or stored) envelope with its header read. */
    public static WireEnvelope of(Envelope envelope) {
        // The origin's seal is not content: a re-sent envelope is sealed again (ECDSA signatures differ).
        String digest = Digests.sha256(envelope.toBuilder().clearOriginChain().clearOriginSignature().build().toByteArray());
        return new WireEnvelope(envelope.getOriginNode(), envelope.getSeq(), envelope.getOriginIncarnation(),
                envelope.getBodyCase().name(), envelope.toByteArray(), digest);
    }

    /** The same envelope under a new seq and incarnation (its content unchanged). */
    public static byte[] renumber(byte[] payload, long seq, String incarnation) {
        return parse(payload).toBuilder().setSeq(seq).setOriginIncarnation(incarnation).build().toByteArray();
    }

    /** An envelope as stored in the outbox. */
    public static Envelope parse(byte[] payload) {
        try {
            return Envelope.parseFrom(payload);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("A stored payload is not an envelope", e);
        }
    }
}
