package org.preconsult.federation;

import com.google.protobuf.ByteString;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.NettyChannelBuilder;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import org.preconsult.federation.v1.EnrolmentRequest;
import org.preconsult.federation.v1.EnrolmentResponse;
import org.preconsult.federation.v1.Envelope;
import org.preconsult.federation.v1.FederationGrpc;
import org.preconsult.federation.v1.FeedItem;
import org.preconsult.federation.v1.PlanSummary;
import org.preconsult.federation.v1.PullRequest;
import org.preconsult.federation.v1.PushRequest;
import org.preconsult.federation.v1.PushResponse;
import org.preconsult.node.NodeRole;
import org.preconsult.trust.application.NodeCertificate;
import org.preconsult.trust.infrastructure.Pki;
import org.preconsult.trust.model.NodeIdentity;

/**
 * A process on the network that attacks a node's federation port: over plaintext, over TLS with no
 * client certificate, with a certificate it made itself, or with the stolen key and certificate of
 * an enrolled node (a compromised node). It trusts any server, as an attacker would not care.
 */
final class Intruder implements AutoCloseable {

    private final ManagedChannel channel;

    private Intruder(ManagedChannel channel) {
        this.channel = channel;
    }

    /** Speaks gRPC without TLS. */
    static Intruder plaintext(int port) {
        return new Intruder(NettyChannelBuilder.forAddress("localhost", port).usePlaintext().build());
    }

    /** TLS, but no client certificate. */
    static Intruder withoutCertificate(int port) {
        return tls(port, null, List.of());
    }

    /** TLS with the key and certificate chain of an enrolled node: that node, compromised. */
    static Intruder as(FederationFixture.Node node, int port) {
        var held = node.context().getBean(NodeCertificate.class).require();
        return tls(port, held.key(), held.chain());
    }

    /** TLS with a given key and chain (an old certificate of a node, kept by whoever stole it). */
    static Intruder withKey(int port, PrivateKey key, List<X509Certificate> chain) {
        return tls(port, key, chain);
    }

    /** TLS with a certificate naming {@code nodeId}, issued by a root of the intruder's own making. */
    static Intruder withSelfMadeCertificate(int port, String nodeId, String parentId) {
        var rootKeys = Pki.newKeyPair();
        var root = Pki.root(rootKeys, "Intruder", Instant.now(), Duration.ofDays(30));
        var keys = Pki.newKeyPair();
        var leaf = Pki.issue(root, rootKeys.getPrivate(), keys.getPublic(), new NodeIdentity(nodeId, NodeRole.LOCAL, parentId),
                Instant.now(), Duration.ofDays(30));
        return tls(port, keys.getPrivate(), List.of(leaf, root));
    }

    private static Intruder tls(int port, PrivateKey key, List<X509Certificate> chain) {
        try {
            var builder = GrpcSslContexts.configure(SslContextBuilder.forClient(), SslProvider.JDK)
                    .trustManager(InsecureTrustManagerFactory.INSTANCE).protocols("TLSv1.3");
            if (key != null) {
                builder.keyManager(new AlwaysPresent(key, chain.toArray(X509Certificate[]::new)));
            }
            return new Intruder(NettyChannelBuilder.forAddress("localhost", port).sslContext(builder.build()).build());
        } catch (SSLException e) {
            throw new IllegalStateException(e);
        }
    }

    private FederationGrpc.FederationBlockingStub stub() {
        return FederationGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS);
    }

    PushResponse push(String claimedSender, List<Envelope> envelopes) {
        return stub().push(PushRequest.newBuilder().setSenderNode(claimedSender).addAllEnvelopes(envelopes).build());
    }

    PushResponse push(String claimedSender, Envelope envelope) {
        return push(claimedSender, List.of(envelope));
    }

    /** Pulls as {@code nodeId} and returns what came within a second or two. */
    List<FeedItem> pull(String nodeId) {
        List<FeedItem> items = new ArrayList<>();
        Iterator<FeedItem> stream = FederationGrpc.newBlockingStub(channel).withDeadlineAfter(2, TimeUnit.SECONDS)
                .pull(PullRequest.newBuilder().setNodeId(nodeId).build());
        try {
            while (stream.hasNext()) {
                items.add(stream.next());
            }
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() != io.grpc.Status.Code.DEADLINE_EXCEEDED || items.isEmpty()) {
                throw e;
            }
        }
        return items;
    }

    EnrolmentResponse enrol(String token, String nodeId) {
        var keys = Pki.newKeyPair();
        return stub().enrol(EnrolmentRequest.newBuilder().setToken(token).setNodeId(nodeId)
                .setCsr(ByteString.copyFrom(Pki.csr(keys, nodeId))).build());
    }

    /** A well-formed plan submission of {@code origin}, unsigned, as the node itself would announce it. */
    static Envelope planEnvelope(String origin, long seq, String planId, String title) {
        var now = System.currentTimeMillis();
        return Envelope.newBuilder().setOriginNode(origin).setSeq(seq).setCreatedAtEpochMs(now)
                .setPlanSubmitted(PlanSummary.newBuilder().setPlanId(planId).setRevision(1).setOwnerNode(origin)
                        .setOwnerName(origin).setTitle(title).setPurpose("Replace the counter with an online service.")
                        .addFunctions("online application").setFunctionCode("PERMITS").setBudget("1000000")
                        .setLanguage("en").setStatus("SUBMITTED").setSubmittedAtEpochMs(now))
                .build();
    }

    /** The envelope sealed with the key and chain of {@code node}, as that node (or whoever holds its key) would. */
    static Envelope sealedBy(FederationFixture.Node node, Envelope envelope) {
        var held = node.context().getBean(NodeCertificate.class).require();
        var unsigned = envelope.toBuilder().clearOriginChain().clearOriginSignature().build();
        var sealed = unsigned.toBuilder().setOriginSignature(ByteString.copyFrom(Pki.sign(held.key(), unsigned.toByteArray())));
        for (X509Certificate c : held.chain().subList(0, held.chain().size() - 1)) {
            sealed.addOriginChain(ByteString.copyFrom(Pki.der(c)));
        }
        return sealed.build();
    }

    /** Presents its certificate whatever authorities the server names (a standard key manager would hold back). */
    private static final class AlwaysPresent extends javax.net.ssl.X509ExtendedKeyManager {
        private final PrivateKey key;
        private final X509Certificate[] chain;

        AlwaysPresent(PrivateKey key, X509Certificate[] chain) {
            this.key = key;
            this.chain = chain;
        }

        @Override
        public String[] getClientAliases(String keyType, java.security.Principal[] issuers) {
            return new String[] {"intruder"};
        }

        @Override
        public String chooseClientAlias(String[] keyType, java.security.Principal[] issuers, java.net.Socket socket) {
            return "intruder";
        }

        @Override
        public String chooseEngineClientAlias(String[] keyType, java.security.Principal[] issuers, javax.net.ssl.SSLEngine engine) {
            return "intruder";
        }

        @Override
        public String[] getServerAliases(String keyType, java.security.Principal[] issuers) {
            return null;
        }

        @Override
        public String chooseServerAlias(String keyType, java.security.Principal[] issuers, java.net.Socket socket) {
            return null;
        }

        @Override
        public X509Certificate[] getCertificateChain(String alias) {
            return chain;
        }

        @Override
        public PrivateKey getPrivateKey(String alias) {
            return key;
        }
    }

    @Override
    public void close() {
        channel.shutdownNow();
        try {
            channel.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
