package org.preconsult.trust.infrastructure;

import com.google.protobuf.ByteString;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.NettyChannelBuilder;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.preconsult.federation.v1.EnrolmentRequest;
import org.preconsult.federation.v1.FederationGrpc;
import org.preconsult.node.NodeSettings;
import org.preconsult.trust.application.NodeCertificate;
import org.preconsult.trust.application.TrustRefusals;
import org.preconsult.trust.application.TrustSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's connection to its parent: mutual TLS 1.3 with its own certificate, the parent's
 * checked against the root and against the parent id its certificate names. A node without a
 * certificate first enrols: it generates its key pair, sends a certificate request with its
 * one-time token over a connection whose server chain must end in the pinned root, and keeps the
 * certificate it receives only if it leads to that root and names this node as configured.
 *
 * <p>The channel is made on first use and made again after this node's certificate changes.
 * Failures surface as {@link StatusRuntimeException}s, which the link's loops back off from.
 */
@Singleton
public class ParentConnection {

    private static final Logger LOG = LoggerFactory.getLogger(ParentConnection.class);
    private static final long ENROL_DEADLINE_SECONDS = 15;

    private final NodeSettings node;
    private final TrustSettings settings;
    private final NodeCertificate own;
    private final FederationTls tls;
    private final TrustRefusals refusals;
    private final Clock clock;
    private ManagedChannel channel;
    private volatile String state = "not connected";

    ParentConnection(NodeSettings node, TrustSettings settings, NodeCertificate own, FederationTls tls,
                     TrustRefusals refusals, Clock clock) {
        this.node = node;
        this.settings = settings;
        this.own = own;
        this.tls = tls;
        this.refusals = refusals;
        this.clock = clock;
    }

    /** The channel to the parent, enrolling first if this node holds no certificate yet. */
    public synchronized ManagedChannel channel() {
        if (channel != null) {
            return channel;
        }
        if (!own.enrolled()) {
            enrol();
        }
        var held = own.require();
        channel = NettyChannelBuilder.forTarget(node.parent()).sslContext(tls.parent())
                .keepAliveTime(30, TimeUnit.SECONDS).keepAliveWithoutCalls(true)
                .maxInboundMessageSize(settings.maxMessageBytes()).build();
        state = "mutual TLS 1.3 to " + held.identity().parentId() + " as " + held.identity().nodeId();
        return channel;
    }

    /** How the link to the parent is secured, for /health. */
    public String state() {
        return state;
    }

    private void enrol() {
        if (!settings.hasEnrolmentToken() || !settings.hasRootFingerprint()) {
            state = "not enrolled: no enrolment token or root fingerprint configured";
            throw Status.FAILED_PRECONDITION.withDescription("This node has no federation certificate. Ask the operator of "
                    + "the parent for an enrolment token and set PRECONSULT_ENROLMENT_TOKEN and PRECONSULT_ROOT_FINGERPRINT.")
                    .asRuntimeException();
        }
        var keys = Pki.newKeyPair();
        var enrolling = NettyChannelBuilder.forTarget(node.parent()).sslContext(tls.enrolment(settings.rootFingerprint()))
                .maxInboundMessageSize(settings.maxMessageBytes()).build();
        try {
            var response = FederationGrpc.newBlockingStub(enrolling)
                    .withDeadlineAfter(ENROL_DEADLINE_SECONDS, TimeUnit.SECONDS)
                    .enrol(EnrolmentRequest.newBuilder().setToken(settings.enrolmentToken().trim()).setNodeId(node.id())
                            .setCsr(ByteString.copyFrom(Pki.csr(keys, node.id()))).build());
            List<X509Certificate> chain;
            try {
                chain = response.getChainList().stream().map(b -> Pki.certificate(b.toByteArray())).toList();
                check(chain, keys);
            } catch (IllegalArgumentException | CertificateException e) {
                refusals.record("the parent", "ENROLMENT", "certificate received at enrolment refused: " + e.getMessage());
                state = "not enrolled: " + e.getMessage();
                throw Status.FAILED_PRECONDITION.withDescription("The parent's answer to enrolment was refused: "
                        + e.getMessage()).asRuntimeException();
            }
            own.install(keys, chain);
            LOG.info("Enrolled with the parent at {}: this node is {} ({}), certificate valid until {}", node.parent(),
                    node.id(), node.role(), chain.get(0).getNotAfter().toInstant());
        } catch (StatusRuntimeException e) {
            state = "not enrolled: " + e.getStatus().getCode() + " " + e.getStatus().getDescription();
            throw e;
        } finally {
            enrolling.shutdownNow();
        }
    }

    /**
     * Asks the parent for a new certificate over a new key pair, authenticated by the current one,
     * and starts using it. The old key is discarded once the new certificate is installed.
     */
    public void renew() {
        var held = own.require();
        var keys = Pki.newKeyPair();
        var response = FederationGrpc.newBlockingStub(channel())
                .withDeadlineAfter(ENROL_DEADLINE_SECONDS, TimeUnit.SECONDS)
                .renew(org.preconsult.federation.v1.RenewalRequest.newBuilder()
                        .setCsr(ByteString.copyFrom(Pki.csr(keys, node.id()))).build());
        try {
            var chain = response.getChainList().stream().map(b -> Pki.certificate(b.toByteArray())).toList();
            check(chain, keys, Pki.fingerprint(held.root()));
            own.install(keys, chain);
            LOG.info("Renewed this node's certificate with {}: valid until {}", node.parent(), chain.get(0).getNotAfter().toInstant());
        } catch (IllegalArgumentException | CertificateException e) {
            refusals.record("the parent", "RENEWAL", "certificate received at renewal refused: " + e.getMessage());
            throw Status.FAILED_PRECONDITION.withDescription("The parent's answer to renewal was refused: " + e.getMessage())
                    .asRuntimeException();
        }
    }

    private void check(List<X509Certificate> chain, java.security.KeyPair keys) throws CertificateException {
        check(chain, keys, settings.rootFingerprint());
    }

    private void check(List<X509Certificate> chain, java.security.KeyPair keys, String rootFingerprint) throws CertificateException {
        if (chain.size() < 2) {
            throw new CertificateException("the chain is too short");
        }
        var root = chain.get(chain.size() - 1);
        if (!Pki.sameFingerprint(Pki.fingerprint(root), rootFingerprint)) {
            throw new CertificateException("the chain ends in " + Pki.fingerprint(root) + ", not in the pinned root");
        }
        Pki.validate(chain, root, clock.instant());
        if (!Pki.holds(chain.get(0), keys)) {
            throw new CertificateException("the certificate is not for this node's key");
        }
        var identity = Pki.identity(chain.get(0)).orElseThrow(() -> new CertificateException("the certificate names no node"));
        if (!identity.nodeId().equals(node.id()) || identity.role() != node.role()) {
            throw new CertificateException("the certificate names " + identity.nodeId() + " (" + identity.role()
                    + "), but this node is configured as " + node.id() + " (" + node.role() + ")");
        }
    }

    /** After a renewal the next call connects with the new certificate. */
    @EventListener
    synchronized void onInstalled(NodeCertificate.Installed event) {
        if (channel != null) {
            channel.shutdown();
            channel = null;
        }
    }

    /** When this node's certificate expires (null before enrolment). */
    public Instant certificateExpiry() {
        return own.current().map(NodeCertificate.Held::expiresAt).orElse(null);
    }

    @PreDestroy
    public synchronized void close() throws InterruptedException {
        if (channel != null) {
            channel.shutdownNow();
            channel.awaitTermination(5, TimeUnit.SECONDS);
            channel = null;
        }
    }
}
