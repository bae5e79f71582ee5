package org.preconsult.trust.infrastructure;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import jakarta.inject.Singleton;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import org.preconsult.federation.v1.FederationGrpc;
import org.preconsult.node.NodeSettings;
import org.preconsult.trust.application.EnrolledChildren;
import org.preconsult.trust.application.TrustRefusals;

/**
 * Admits a federation call only from a child this node enrolled, named by the client certificate
 * the TLS handshake verified against the root: the certificate must have been issued by this node,
 * be the one it issued last to that child, and not be revoked. The caller's identity is put in the
 * call's {@link Context} ({@link FederationPeer#current()}); nothing a message says about its sender
 * is believed. Enrolment is the one call admitted without a client certificate.
 */
@Singleton
public class PeerIdentityInterceptor implements ServerInterceptor {

    private final NodeSettings node;
    private final EnrolledChildren children;
    private final TrustRefusals refusals;

    PeerIdentityInterceptor(NodeSettings node, EnrolledChildren children, TrustRefusals refusals) {
        this.node = node;
        this.children = children;
        this.refusals = refusals;
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
        String method = call.getMethodDescriptor().getFullMethodName();
        String address = String.valueOf(call.getAttributes().get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR));
        if (method.equals(FederationGrpc.getEnrolMethod().getFullMethodName())) {
            return Contexts.interceptCall(Context.current().withValue(FederationPeer.ADDRESS, address), call, headers, next);
        }
        List<X509Certificate> chain = peerChain(call.getAttributes().get(Grpc.TRANSPORT_ATTR_SSL_SESSION));
        if (chain.isEmpty()) {
            return refuse(call, address, Status.UNAUTHENTICATED, "a client certificate of the federation is required for " + method);
        }
        var identity = Pki.identity(chain.get(0)).orElse(null);
        if (identity == null) {
            return refuse(call, address, Status.UNAUTHENTICATED, "the client certificate names no federation node");
        }
        String who = identity.nodeId() + " at " + address;
        var issuer = chain.size() > 1 ? Pki.identity(chain.get(1)).orElse(null) : null;
        if (issuer == null || !issuer.nodeId().equals(node.id())) {
            return refuse(call, who, Status.PERMISSION_DENIED, identity.nodeId() + " is not a child of " + node.id()
                    + " (its certificate was issued by " + (issuer == null ? "the root" : issuer.nodeId()) + ")");
        }
        if (children.admit(identity.nodeId(), Pki.fingerprint(chain.get(0))) instanceof EnrolledChildren.Admission.Refused no) {
            return refuse(call, who, Status.PERMISSION_DENIED, no.reason());
        }
        var context = Context.current().withValue(FederationPeer.KEY, new FederationPeer(identity, chain))
                .withValue(FederationPeer.ADDRESS, address);
        return Contexts.interceptCall(context, call, headers, next);
    }

    private static List<X509Certificate> peerChain(SSLSession session) {
        if (session == null) {
            return List.of();
        }
        try {
            List<X509Certificate> chain = new ArrayList<>();
            for (Certificate c : session.getPeerCertificates()) {
                chain.add((X509Certificate) c);
            }
            return chain;
        } catch (SSLPeerUnverifiedException | ClassCastException e) {
            return List.of();
        }
    }

    private <Q, R> ServerCall.Listener<Q> refuse(ServerCall<Q, R> call, String who, Status status, String reason) {
        refusals.record(who, "CALL", reason);
        call.close(status.withDescription(reason), new Metadata());
        return new ServerCall.Listener<>() {
        };
    }
}
