package org.preconsult.trust.infrastructure;

import io.grpc.Context;
import io.grpc.Status;
import java.security.cert.X509Certificate;
import java.util.List;
import org.preconsult.trust.model.NodeIdentity;

/**
 * The node at the other end of the current federation call, as its client certificate names it.
 * Set by the peer-identity interceptor; absent only for the enrolment call.
 */
public record FederationPeer(NodeIdentity identity, List<X509Certificate> chain) {

    static final Context.Key<FederationPeer> KEY = Context.key("preconsult-federation-peer");
    static final Context.Key<String> ADDRESS = Context.key("preconsult-federation-address");

    /** The calling node; a call that reached a service method without one is refused. */
    public static FederationPeer current() {
        var peer = KEY.get();
        if (peer == null) {
            throw Status.UNAUTHENTICATED.withDescription("a client certificate of the federation is required")
                    .asRuntimeException();
        }
        return peer;
    }

    /** The network address the current call came from, for records of what was refused. */
    public static String address() {
        var address = ADDRESS.get();
        return address == null ? "an unknown address" : address;
    }

    public String nodeId() {
        return identity.nodeId();
    }
}
