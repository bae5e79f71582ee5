package org.preconsult.trust.infrastructure;

import com.google.protobuf.ByteString;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.preconsult.federation.v1.EnrolmentRequest;
import org.preconsult.federation.v1.EnrolmentResponse;
import org.preconsult.federation.v1.Envelope;
import org.preconsult.trust.application.EnrollingChildren;
import org.preconsult.trust.application.TrustRefusals;
import org.preconsult.trust.model.Enrolment;
import org.preconsult.trust.model.OriginCheck;

/**
 * What the federation service asks before it acts: who is calling (from the client certificate,
 * never from the message), whether an envelope is authentic and the caller's to deliver, and
 * whether the caller may pull the feed it names. Also answers the enrolment call.
 */
@Singleton
public class FederationAuthority {

    private final OriginSeals seals;
    private final TrustRefusals refusals;
    private final EnrollingChildren enrolling;

    FederationAuthority(OriginSeals seals, TrustRefusals refusals, EnrollingChildren enrolling) {
        this.seals = seals;
        this.refusals = refusals;
        this.enrolling = enrolling;
    }

    /** The node id of the calling child, as its certificate names it. */
    public String caller() {
        return FederationPeer.current().nodeId();
    }

    /** Why the envelope the sender pushed must be refused (recorded), or empty if it may be received. */
    public Optional<String> envelopeRefusal(String sender, Envelope envelope) {
        if (seals.check(sender, envelope) instanceof OriginCheck.Refused no) {
            refusals.record(sender, "ENVELOPE", "(" + envelope.getOriginNode() + ", " + envelope.getSeq() + "): " + no.reason());
            return Optional.of(no.reason());
        }
        return Optional.empty();
    }

    /**
     * Why an envelope that failed to be stored will never be storable (recorded), or empty when the
     * failure may pass (then the child sends it again). A data exception (SQLSTATE class 22: a value
     * too long or out of range) or an integrity violation other than a duplicate key fails the same
     * way every time: answering UNAVAILABLE would have the child resend it forever.
     */
    public Optional<String> unstorable(String sender, Envelope envelope, RuntimeException failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("22") || (state.startsWith("23") && !state.equals("23505"))) {
                    String reason = "the envelope cannot be stored here (SQLSTATE " + state + "): "
                            + String.valueOf(sql.getMessage()).lines().findFirst().orElse("");
                    refusals.record(sender, "ENVELOPE", "(" + envelope.getOriginNode() + ", " + envelope.getSeq() + "): " + reason);
                    return Optional.of(reason.length() > 900 ? reason.substring(0, 900) : reason);
                }
            }
        }
        return Optional.empty();
    }

    /** Why the caller may not pull or reconcile as {@code nodeId} (recorded), or empty if it may. */
    public Optional<String> pullRefusal(String caller, String nodeId) {
        if (!caller.equals(nodeId)) {
            String reason = caller + " may pull only its own feed, not " + nodeId + "'s (nor reconcile in its name)";
            refusals.record(caller, "PULL", reason);
            return Optional.of(reason);
        }
        return Optional.empty();
    }

    /** The renewal call: a new certificate for the calling child, named as before. */
    public void renew(org.preconsult.federation.v1.RenewalRequest request, StreamObserver<EnrolmentResponse> response) {
        answer(enrolling.renew(FederationPeer.current().identity(), request.getCsr().toByteArray()), response);
    }

    /** The enrolment call: a certificate for a valid token and request, PERMISSION_DENIED otherwise. */
    public void enrol(EnrolmentRequest request, StreamObserver<EnrolmentResponse> response) {
        answer(enrolling.enrol(request.getToken(), request.getNodeId(), request.getCsr().toByteArray(),
                FederationPeer.address()), response);
    }

    private static void answer(Enrolment outcome, StreamObserver<EnrolmentResponse> response) {
        if (outcome instanceof Enrolment.Enrolled enrolled) {
            var answer = EnrolmentResponse.newBuilder();
            enrolled.chain().forEach(der -> answer.addChain(ByteString.copyFrom(der)));
            response.onNext(answer.build());
            response.onCompleted();
        } else if (outcome instanceof Enrolment.Refused refused) {
            response.onError(Status.PERMISSION_DENIED.withDescription(refused.reason()).asRuntimeException());
        }
    }
}
