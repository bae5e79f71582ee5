package org.preconsult.testing;

import com.google.protobuf.ByteString;
import io.grpc.Server;
import io.micronaut.context.ApplicationContext;
import io.grpc.Status;
import io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javax.net.ssl.SSLException;
import org.preconsult.federation.v1.DecisionContent;
import org.preconsult.federation.v1.EnrolmentRequest;
import org.preconsult.federation.v1.EnrolmentResponse;
import org.preconsult.federation.v1.Envelope;
import org.preconsult.federation.v1.EnvelopeAck;
import org.preconsult.federation.v1.FederationGrpc;
import org.preconsult.federation.v1.FeedItem;
import org.preconsult.federation.v1.Heartbeat;
import org.preconsult.federation.v1.NodeKey;
import org.preconsult.federation.v1.PullRequest;
import org.preconsult.federation.v1.PushRequest;
import org.preconsult.federation.v1.PushResponse;
import org.preconsult.federation.v1.ReconcileRequest;
import org.preconsult.federation.v1.ReconcileResponse;
import org.preconsult.federation.v1.SignedDecision;
import org.preconsult.node.NodeRole;
import org.preconsult.trust.infrastructure.Pki;
import org.preconsult.trust.model.NodeIdentity;

/**
 * The parent of the node under test, played by the test: the federation's root and a central node
 * certificate of its own, a mutual-TLS federation port on an ephemeral port that enrols the node
 * (any request with {@link #TOKEN}), acknowledges every envelope it pushes (and keeps them for the
 * test to read), serves the feed items the test offers, and signs decisions with a key it
 * publishes sealed by its certificate, as a real parent does. Nothing of the node's own code runs
 * here: the node sees only the wire.
 */
public final class ScriptedParent implements AutoCloseable {

    /** The parent's node id. */
    public static final String ID = "scripted-central";
    /** The one enrolment token this parent accepts. */
    public static final String TOKEN = "scripted-enrolment-token-0123456789abcdefghij";

    private static final String INCARNATION = "scripted-incarnation";

    private final NodeRole childRole;
    private final KeyPair rootKeys = Pki.newKeyPair();
    private final X509Certificate root;
    private final KeyPair ownKeys = Pki.newKeyPair();
    private final X509Certificate own;
    private final KeyPair signing;
    private final String keyId = ID + "-decisions-1";
    private final List<Envelope> received = new ArrayList<>();
    private final List<FeedItem> feed = new ArrayList<>();
    private final Server server;
    private final List<Children> grandchildren = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Starts a parent whose children enrol with the given role. */
    public ScriptedParent(NodeRole childRole) {
        this.childRole = childRole;
        var now = Instant.now();
        root = Pki.root(rootKeys, "Scripted federation", now, Duration.ofDays(30));
        own = Pki.issue(root, rootKeys.getPrivate(), ownKeys.getPublic(), new NodeIdentity(ID, NodeRole.CENTRAL, null), now,
                Duration.ofDays(30));
        try {
            signing = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            var tls = GrpcSslContexts.configure(SslContextBuilder.forServer(ownKeys.getPrivate(), own, root), SslProvider.JDK)
                    .trustManager(InsecureTrustManagerFactory.INSTANCE).clientAuth(ClientAuth.OPTIONAL)
                    .protocols("TLSv1.3").build();
            server = NettyServerBuilder.forPort(0).sslContext(tls).addService(new Service()).build().start();
        } catch (GeneralSecurityException | SSLException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Properties that make a node the child of this parent: its address, the token and the pinned
     * root, and short waits so that the link reacts within a test's patience.
     */
    public Map<String, String> childProperties() {
        return Map.of("preconsult.node.parent", "localhost:" + server.getPort(),
                "preconsult.trust.enrolment-token", TOKEN,
                "preconsult.trust.root-fingerprint", Pki.fingerprint(root),
                "preconsult.sync.backoff-initial", "100ms",
                "preconsult.sync.backoff-max", "500ms",
                "preconsult.sync.idle-poll", "200ms",
                "preconsult.sync.pull-deadline", "3s");
    }

    /** Properties of a node under test that is this parent's child (its role is the one this parent certifies). */
    public Map<String, String> nodeProperties(String... settings) {
        Map<String, String> properties = new java.util.HashMap<>(NodeFixture.nodeProperties(childRole.name(), settings));
        properties.putAll(childProperties());
        return properties;
    }

    /** Waits until the node under test has enrolled with this parent (its /health names its certificate). */
    public void awaitEnrolment(NodeClient node) {
        Eventually.until(Duration.ofSeconds(20), "the node enrols with its parent",
                () -> node.health().get("certificateExpiresAt") != null);
    }

    /**
     * Once the node under test has enrolled with this parent, enrols children of its own with it;
     * they are disconnected when this parent closes.
     */
    public Children enrolGrandchildren(ApplicationContext node, NodeRole role, String... nodeIds) {
        awaitEnrolment(node.getBean(NodeClient.class));
        var enrolled = Children.enrol(node, role, nodeIds);
        grandchildren.add(enrolled);
        return enrolled;
    }

    /** Every envelope pushed so far, in the order received. */
    public synchronized List<Envelope> received() {
        return List.copyOf(received);
    }

    /** The envelopes pushed so far that match. */
    public List<Envelope> received(Predicate<Envelope> which) {
        return received().stream().filter(which).toList();
    }

    /** Appends an item to the feed (position, digest and incarnation are set here); returns its position. */
    public synchronized long offer(FeedItem item) {
        long position = feed.size() + 1;
        var stored = item.toBuilder().setPosition(position).setIncarnation(INCARNATION).build();
        feed.add(stored.toBuilder().setDigest(ByteString.copyFrom(sha256(stored.toByteArray()))).build());
        notifyAll();
        return position;
    }

    /** The feed item that makes this parent's decision key known: sealed with its certificate key. */
    public FeedItem nodeKey() {
        var key = NodeKey.newBuilder().setNodeId(ID).setKeyId(keyId).setAlgorithm("Ed25519")
                .setPublicKey(ByteString.copyFrom(signing.getPublic().getEncoded()))
                .setCreatedAtEpochMs(Instant.now().toEpochMilli()).build();
        var sealed = key.toBuilder().setOwnerSignature(ByteString.copyFrom(Pki.sign(ownKeys.getPrivate(), key.toByteArray())))
                .addOwnerChain(ByteString.copyFrom(Pki.der(own)));
        return FeedItem.newBuilder().setNodeKey(sealed).build();
    }

    /** A decision of this parent, signed with its published key and addressed to the plan's origin. */
    public FeedItem decision(DecisionContent content) {
        byte[] bytes = content.toBuilder().setDecidingNode(ID).build().toByteArray();
        try {
            var signer = java.security.Signature.getInstance("Ed25519");
            signer.initSign(signing.getPrivate());
            signer.update(bytes);
            var signed = SignedDecision.newBuilder().setContent(ByteString.copyFrom(bytes)).setSignerNode(ID)
                    .setKeyId(keyId).setAlgorithm("Ed25519").setSignature(ByteString.copyFrom(signer.sign()));
            return FeedItem.newBuilder().setAddress(content.getOriginNode()).setDecision(signed).build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A condition's waiver of this parent, signed with its published key over the waiver prefix and
     * the content, addressed to the plan's owner.
     */
    public FeedItem waiver(org.preconsult.federation.v1.ConditionWaiver content) {
        byte[] bytes = content.toBuilder().setDecidingNode(ID).build().toByteArray();
        try {
            var signer = java.security.Signature.getInstance("Ed25519");
            signer.initSign(signing.getPrivate());
            signer.update(org.preconsult.signing.infrastructure.SignedDecisions.waiverSigned(bytes));
            var signed = org.preconsult.federation.v1.SignedConditionWaiver.newBuilder()
                    .setContent(ByteString.copyFrom(bytes)).setSignerNode(ID)
                    .setKeyId(keyId).setAlgorithm("Ed25519").setSignature(ByteString.copyFrom(signer.sign()));
            return FeedItem.newBuilder().setAddress(content.getOwnerNode()).setConditionWaiver(signed).build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        for (Children enrolled : grandchildren) {
            enrolled.close();
        }
        server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private synchronized List<FeedItem> after(long position, long waitMillis) throws InterruptedException {
        if (feed.size() <= position) {
            wait(waitMillis);
        }
        return feed.size() <= position ? List.of() : List.copyOf(feed.subList((int) position, feed.size()));
    }

    private synchronized void keep(List<Envelope> envelopes) {
        received.addAll(envelopes);
    }

    /** The parent's side of the protocol, as scripted above. */
    private final class Service extends FederationGrpc.FederationImplBase {

        @Override
        public void enrol(EnrolmentRequest request, StreamObserver<EnrolmentResponse> response) {
            if (!TOKEN.equals(request.getToken())) {
                response.onError(Status.PERMISSION_DENIED.withDescription("unknown token").asRuntimeException());
                return;
            }
            var leaf = Pki.issue(own, ownKeys.getPrivate(), Pki.verifiedCsrKey(request.getCsr().toByteArray()),
                    new NodeIdentity(request.getNodeId(), childRole, ID), Instant.now(), Duration.ofDays(30));
            response.onNext(EnrolmentResponse.newBuilder().addChain(ByteString.copyFrom(Pki.der(leaf)))
                    .addChain(ByteString.copyFrom(Pki.der(own))).addChain(ByteString.copyFrom(Pki.der(root))).build());
            response.onCompleted();
        }

        @Override
        public void push(PushRequest request, StreamObserver<PushResponse> response) {
            keep(request.getEnvelopesList());
            var acks = PushResponse.newBuilder();
            for (var envelope : request.getEnvelopesList()) {
                acks.addAcks(EnvelopeAck.newBuilder().setOriginNode(envelope.getOriginNode()).setSeq(envelope.getSeq())
                        .setResult(EnvelopeAck.Result.ACCEPTED));
            }
            response.onNext(acks.build());
            response.onCompleted();
        }

        /** Sends what the child has not applied, then a heartbeat after a short wait, and ends the stream. */
        @Override
        public void pull(PullRequest request, StreamObserver<FeedItem> response) {
            var call = (ServerCallStreamObserver<FeedItem>) response;
            try {
                for (var item : after(request.getAfterPosition(), 300)) {
                    if (call.isCancelled()) {
                        return;
                    }
                    call.onNext(item);
                }
                long head;
                synchronized (ScriptedParent.this) {
                    head = feed.size();
                }
                call.onNext(FeedItem.newBuilder().setIncarnation(INCARNATION)
                        .setHeartbeat(Heartbeat.newBuilder().setHeadPosition(head).setIncarnation(INCARNATION)).build());
                call.onCompleted();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                call.onError(Status.UNAVAILABLE.asRuntimeException());
            }
        }

        @Override
        public void reconcile(ReconcileRequest request, StreamObserver<ReconcileResponse> response) {
            response.onNext(ReconcileResponse.newBuilder().setVerdict(ReconcileResponse.Verdict.MATCH)
                    .setParentIncarnation(INCARNATION).build());
            response.onCompleted();
        }
    }
}
