package org.preconsult.trust.api;

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

    /** Why the caller may not pull as {@code nodeId} (recorded), or empty if it may. */
    public Optional<String> pullRefusal(String caller, String nodeId) {
        if (!caller.equals(nodeId)) {
            String reason = caller + " may pull only its own feed, not " + nodeId + "'s";
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
