package org.preconsult.trust.infrastructure;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;
import org.preconsult.trust.application.NodeCertificate;

/**
 * Presents this node's current certificate chain in every TLS handshake, as server to its children
 * and as client to its parent. It reads the chain at each handshake, so a renewed certificate is
 * used from the next connection on without rebuilding the TLS contexts.
 */
final class NodeKeyManager extends X509ExtendedKeyManager {

    private static final String ALIAS = "node";
    private final NodeCertificate own;

    NodeKeyManager(NodeCertificate own) {
        this.own = own;
    }

    private String alias() {
        return own.enrolled() ? ALIAS : null;
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        return own.enrolled() ? new String[] {ALIAS} : null;
    }

    @Override
    public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
        return alias();
    }

    @Override
    public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
        return alias();
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        return getClientAliases(keyType, issuers);
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        return keyType.startsWith("EC") ? alias() : null;
    }

    @Override
    public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
        return keyType.startsWith("EC") ? alias() : null;
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        return own.current().map(h -> h.chain().toArray(X509Certificate[]::new)).orElse(null);
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        return own.current().map(NodeCertificate.Held::key).orElse(null);
    }
}
