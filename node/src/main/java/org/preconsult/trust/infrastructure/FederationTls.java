package org.preconsult.trust.infrastructure;

import io.grpc.netty.GrpcSslContexts;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import jakarta.inject.Singleton;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.function.Consumer;
import javax.net.ssl.SSLException;
import org.preconsult.trust.application.NodeCertificate;
import org.preconsult.trust.application.TrustRefusals;

/**
 * The TLS contexts of the federation port, all TLS 1.3 on the JDK provider: the server's (its
 * certificate; a client certificate is checked against the root when presented, and required by
 * {@link PeerIdentityInterceptor} for every call but enrolment), the connection to the parent
 * (mutual: this node's certificate, the parent's checked against the root and its node id), and
 * the enrolment connection (no client certificate yet; the server's root checked against the pin).
 */
@Singleton
public class FederationTls {

    static final String PROTOCOL = "TLSv1.3";

    private final NodeCertificate own;
    private final Clock clock;
    private final TrustRefusals refusals;
    private volatile SslContext server;

    FederationTls(NodeCertificate own, Clock clock, TrustRefusals refusals) {
        this.own = own;
        this.clock = clock;
        this.refusals = refusals;
    }

    private X509Certificate ownRoot() {
        return own.current().map(NodeCertificate.Held::root).orElse(null);
    }

    private Consumer<String> refusalsOf(String peer) {
        return reason -> refusals.record(peer, "TLS_HANDSHAKE", reason);
    }

    public SslContext server() {
        if (server == null) {
            synchronized (this) {
                if (server == null) {
                    server = build(GrpcSslContexts.configure(SslContextBuilder.forServer(new NodeKeyManager(own)), SslProvider.JDK)
                            .trustManager(new ChainTrustManager(new ChainTrustManager.Anchor.Held(this::ownRoot), null, clock,
                                    refusalsOf("a client")))
                            .clientAuth(ClientAuth.OPTIONAL));
                }
            }
        }
        return server;
    }

    /** Mutual TLS to the parent this node's certificate names. */
    public SslContext parent() {
        return build(GrpcSslContexts.configure(SslContextBuilder.forClient(), SslProvider.JDK)
                .keyManager(new NodeKeyManager(own))
                .trustManager(new ChainTrustManager(new ChainTrustManager.Anchor.Held(this::ownRoot),
                        () -> own.require().identity().parentId(), clock, refusalsOf("the parent"))));
    }

    /** Server-authenticated TLS for enrolment: the server's chain must end in the pinned root. */
    public SslContext enrolment(String pinnedRootFingerprint) {
        return build(GrpcSslContexts.configure(SslContextBuilder.forClient(), SslProvider.JDK)
                .trustManager(new ChainTrustManager(new ChainTrustManager.Anchor.Pinned(pinnedRootFingerprint), null, clock,
                        refusalsOf("the parent (enrolment)"))));
    }

    private static SslContext build(SslContextBuilder builder) {
        try {
            return builder.protocols(PROTOCOL).build();
        } catch (SSLException e) {
            throw new IllegalStateException("Cannot set up TLS for the federation: " + e.getMessage(), e);
        }
    }
}
