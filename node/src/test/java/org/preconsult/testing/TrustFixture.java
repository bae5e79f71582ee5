package org.preconsult.testing;

import com.google.protobuf.ByteString;
import io.grpc.ManagedChannel;
import io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.NettyChannelBuilder;
import io.micronaut.context.ApplicationContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import org.preconsult.federation.v1.Envelope;
import org.preconsult.federation.v1.EnvelopeAck;
import org.preconsult.federation.v1.FederationGrpc;
import org.preconsult.federation.v1.PushRequest;
import org.preconsult.node.NodeRole;
import org.preconsult.trust.application.EnrollingChildren;
import org.preconsult.trust.application.EnrolmentTokens;
import org.preconsult.trust.infrastructure.Pki;
import org.preconsult.trust.model.Enrolment;

/**
 * A child of the node under test, enrolled the way a real child is (a one-time token, a request over
 * a key of its own), that speaks to the node's federation port with mutual TLS and seals its
 * envelopes as a real child's link does.
 */
public final class TrustFixture {

    private TrustFixture() {
    }

    /** An enrolled child: its key and its chain (leaf first, root last). */
    public record Child(String nodeId, KeyPair keys, List<X509Certificate> chain) {

        /** A mutual-TLS channel to the node's federation port (the server side is what the tests examine). */
        public ManagedChannel channel(int port) {
            try {
                var tls = GrpcSslContexts.configure(SslContextBuilder.forClient(), SslProvider.JDK)
                        .keyManager(keys.getPrivate(), chain.toArray(X509Certificate[]::new))
                        .trustManager(InsecureTrustManagerFactory.INSTANCE).protocols("TLSv1.3").build();
                return NettyChannelBuilder.forAddress("localhost", port).sslContext(tls).build();
            } catch (SSLException e) {
                throw new IllegalStateException(e);
            }
        }

        /** The envelope sealed by this child: its chain (without the root) and its signature. */
        public Envelope seal(Envelope envelope) {
            var unsigned = envelope.toBuilder().clearOriginChain().clearOriginSignature().build();
            var sealed = unsigned.toBuilder()
                    .setOriginSignature(ByteString.copyFrom(Pki.sign(keys.getPrivate(), unsigned.toByteArray())));
            for (X509Certificate c : chain.subList(0, chain.size() - 1)) {
                sealed.addOriginChain(ByteString.copyFrom(Pki.der(c)));
            }
            return sealed.build();
        }
    }

    /**
     * Pushes envelopes (already sealed by their origins) as {@code sender} over its channel, with a
     * deadline, and returns the acknowledgements.
     */
    public static List<EnvelopeAck> push(ManagedChannel channel, String sender, Envelope... sealed) {
        return FederationGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS)
                .push(PushRequest.newBuilder().setSenderNode(sender).addAllEnvelopes(List.of(sealed)).build()).getAcksList();
    }

    /** Enrols a child with the node of {@code context}, as its operator and the child would. */
    public static Child enrol(ApplicationContext context, String nodeId, NodeRole role) {
        var issued = (EnrolmentTokens.Issue.Issued) context.getBean(EnrolmentTokens.class).issue(nodeId, role, "operator");
        var keys = Pki.newKeyPair();
        var outcome = context.getBean(EnrollingChildren.class).enrol(issued.token(), nodeId, Pki.csr(keys, nodeId), "test");
        if (!(outcome instanceof Enrolment.Enrolled enrolled)) {
            throw new IllegalStateException("enrolment of " + nodeId + " refused: " + outcome);
        }
        return new Child(nodeId, keys, Pki.certificates(enrolled.chain()));
    }
}
