package org.preconsult.trust.infrastructure;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;
import org.preconsult.trust.model.NodeIdentity;

/**
 * Decides whom a TLS handshake may connect to: a peer whose chain leads to the federation root and
 * whose certificate names a node identity, and, for the connection to the parent, the very node
 * this node's own certificate names as its parent. Host names are not what identifies a node, so
 * no host name check is made; the node id in the certificate is.
 *
 * <p>For the enrolment call, where the child does not hold the root yet, the root is the last
 * certificate the server sends, accepted only if its SHA-256 fingerprint is the pinned one.
 */
final class ChainTrustManager extends X509ExtendedTrustManager {

    /** Where the root comes from: this node's own chain, or the pinned fingerprint. */
    sealed interface Anchor {
        record Held(Supplier<X509Certificate> root) implements Anchor {
        }

        record Pinned(String fingerprint) implements Anchor {
        }
    }

    private final Anchor anchor;
    private final Supplier<String> expectedServer;
    private final Clock clock;
    private final Consumer<String> refusals;

    /** @param expectedServer node id the server must have (null: any node of the federation) */
    ChainTrustManager(Anchor anchor, Supplier<String> expectedServer, Clock clock, Consumer<String> refusals) {
        this.anchor = anchor;
        this.expectedServer = expectedServer;
        this.clock = clock;
        this.refusals = refusals;
    }

    private NodeIdentity check(X509Certificate[] chain, String side) throws CertificateException {
        try {
            if (chain == null || chain.length == 0) {
                throw new CertificateException("no certificate presented");
            }
            X509Certificate root;
            if (anchor instanceof Anchor.Pinned pinned) {
                var last = chain[chain.length - 1];
                if (!Pki.sameFingerprint(Pki.fingerprint(last), pinned.fingerprint())) {
                    throw new CertificateException("the server's root " + Pki.fingerprint(last)
                            + " is not the pinned root " + pinned.fingerprint());
                }
                root = last;
            } else {
                root = ((Anchor.Held) anchor).root().get();
            }
            if (root == null) {
                throw new CertificateException("this node holds no root certificate yet");
            }
            Pki.validate(List.of(chain), root, clock.instant());
            var identity = Pki.identity(chain[0])
                    .orElseThrow(() -> new CertificateException("the certificate names no federation node"));
            String expected = expectedServer == null ? null : expectedServer.get();
            if (expected != null && !expected.equals(identity.nodeId())) {
                throw new CertificateException("the server is " + identity.nodeId() + ", not this node's parent " + expected);
            }
            return identity;
        } catch (CertificateException e) {
            refusals.accept(side + " certificate refused: " + e.getMessage());
            throw e;
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        check(chain, "client");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        check(chain, "server");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        check(chain, "client");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        check(chain, "server");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        check(chain, "client");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        check(chain, "server");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        if (anchor instanceof Anchor.Held held && held.root().get() != null) {
            return new X509Certificate[] {held.root().get()};
        }
        return new X509Certificate[0];
    }
}
