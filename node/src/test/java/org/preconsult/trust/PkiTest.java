package org.preconsult.trust;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.cert.CertificateException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.preconsult.node.NodeRole;
import org.preconsult.trust.infrastructure.Pki;
import org.preconsult.trust.model.NodeIdentity;

/** The federation's certificates: who they name, and which chains lead to the root. */
class PkiTest {

    private final Instant now = Instant.parse("2027-01-01T00:00:00Z");
    private final Tree tree = new Tree(now);

    /** A root, central, a province and a local, as enrolment builds them. */
    private static final class Tree {
        final java.security.KeyPair rootKeys = Pki.newKeyPair();
        final java.security.cert.X509Certificate root;
        final java.security.KeyPair centralKeys = Pki.newKeyPair();
        final java.security.cert.X509Certificate central;
        final java.security.KeyPair provinceKeys = Pki.newKeyPair();
        final java.security.cert.X509Certificate province;
        final java.security.KeyPair localKeys = Pki.newKeyPair();
        final java.security.cert.X509Certificate local;

        Tree(Instant now) {
            root = Pki.root(rootKeys, "Test", now, Duration.ofDays(3650));
            central = Pki.issue(root, rootKeys.getPrivate(), centralKeys.getPublic(),
                    new NodeIdentity("central", NodeRole.CENTRAL, null), now, Duration.ofDays(365));
            province = Pki.issue(central, centralKeys.getPrivate(), provinceKeys.getPublic(),
                    new NodeIdentity("prov-north", NodeRole.PROVINCIAL, "central"), now, Duration.ofDays(365));
            local = Pki.issue(province, provinceKeys.getPrivate(), localKeys.getPublic(),
                    new NodeIdentity("city-a", NodeRole.LOCAL, "prov-north"), now, Duration.ofDays(30));
        }
    }

    @Test
    void certificateNamesNodeRoleAndParent() {
        assertEquals(new NodeIdentity("city-a", NodeRole.LOCAL, "prov-north"), Pki.identity(tree.local).orElseThrow());
        assertEquals(new NodeIdentity("central", NodeRole.CENTRAL, null), Pki.identity(tree.central).orElseThrow());
        assertTrue(Pki.identity(tree.root).isEmpty(), "the root names no node");
    }

    @Test
    void chainThroughProvinceAndCentral_leadsToTheRoot() {
        assertDoesNotThrow(() -> Pki.validate(List.of(tree.local, tree.province, tree.central, tree.root), tree.root, now));
    }

    @Test
    void expiredCertificate_isRefused() {
        var e = assertThrows(CertificateException.class, () -> Pki.validate(List.of(tree.local, tree.province, tree.central),
                tree.root, now.plus(Duration.ofDays(31))));
        assertTrue(e.getMessage().toLowerCase().contains("expired") || e.getMessage().contains("validity"), e.getMessage());
    }

    @Test
    void chainOfAnotherRoot_isRefused() {
        var otherRoot = Pki.root(Pki.newKeyPair(), "Other", now, Duration.ofDays(3650));
        assertThrows(CertificateException.class,
                () -> Pki.validate(List.of(tree.local, tree.province, tree.central), otherRoot, now));
    }

    @Test
    void localCertificate_cannotIssueCertificates() {
        var forged = Pki.issue(tree.local, tree.localKeys.getPrivate(), Pki.newKeyPair().getPublic(),
                new NodeIdentity("city-x", NodeRole.LOCAL, "city-a"), now, Duration.ofDays(30));
        assertThrows(CertificateException.class,
                () -> Pki.validate(List.of(forged, tree.local, tree.province, tree.central), tree.root, now));
    }

    @Test
    void certificateRequest_provesPossessionOfItsKey() {
        var keys = Pki.newKeyPair();
        assertEquals(keys.getPublic(), Pki.verifiedCsrKey(Pki.csr(keys, "city-a")));
        byte[] tampered = Pki.csr(keys, "city-a");
        tampered[tampered.length - 5] ^= 0x01;
        assertThrows(IllegalArgumentException.class, () -> Pki.verifiedCsrKey(tampered));
    }

    @Test
    void fingerprints_compareWithoutCaseOrSeparators() {
        String fp = Pki.fingerprint(tree.root);
        assertEquals(64, fp.length());
        assertTrue(Pki.sameFingerprint(fp.toUpperCase(), fp));
        assertTrue(Pki.sameFingerprint(fp.replaceAll("(..)(?!$)", "$1:"), fp));
        assertFalse(Pki.sameFingerprint(Pki.fingerprint(tree.central), fp));
    }
}
