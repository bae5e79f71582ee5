package org.preconsult.trust.infrastructure;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.preconsult.node.NodeRole;
import org.preconsult.trust.model.NodeIdentity;

/**
 * The federation's certificate operations, done with BouncyCastle PKIX and the JDK's own providers:
 * EC P-256 key pairs, certificate signing requests, the root and node certificates, their
 * identities, fingerprints and PEM files, and validation of a chain against the root.
 *
 * <p>A node certificate names its holder three ways: the subject (CN = node id, OU = role) and
 * URI subject alternative names {@code urn:preconsult:node:<id>}, {@code urn:preconsult:role:<ROLE>},
 * {@code urn:preconsult:parent:<id>}. The identity is read from the alternative names only.
 */
public final class Pki {

    static final String SIGNATURE = "SHA256withECDSA";
    private static final String NODE_URN = "urn:preconsult:node:";
    private static final String ROLE_URN = "urn:preconsult:role:";
    private static final String PARENT_URN = "urn:preconsult:parent:";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Pki() {
    }

    public static KeyPair newKeyPair() {
        try {
            var generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("EC P-256 is not available", e);
        }
    }

    /** A PKCS#10 request for a certificate over the key pair, naming the node id only (the issuer decides the rest). */
    public static byte[] csr(KeyPair keys, String nodeId) {
        try {
            var subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, nodeId).build();
            return new JcaPKCS10CertificationRequestBuilder(subject, keys.getPublic())
                    .build(signer(keys.getPrivate())).getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The public key of a request whose signature proves possession of its private key. */
    public static PublicKey verifiedCsrKey(byte[] der) throws IllegalArgumentException {
        try {
            var request = new JcaPKCS10CertificationRequest(der);
            var key = request.getPublicKey();
            if (!request.isSignatureValid(new JcaContentVerifierProviderBuilder().build(key))) {
                throw new IllegalArgumentException("the request's signature does not match its key");
            }
            if (!"EC".equals(key.getAlgorithm())) {
                throw new IllegalArgumentException("the request's key must be an EC key, not " + key.getAlgorithm());
            }
            return key;
        } catch (IOException | RuntimeException | GeneralSecurityException | OperatorCreationException | PKCSException e) {
            if (e instanceof IllegalArgumentException iae) {
                throw iae;
            }
            throw new IllegalArgumentException("unreadable certificate request: " + e.getMessage(), e);
        }
    }

    /** The self-signed root of the federation, made once by central. */
    public static X509Certificate root(KeyPair keys, String federationName, Instant now, Duration validity) {
        var name = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.O, "Preconsult")
                .addRDN(BCStyle.CN, federationName + " root").build();
        var builder = new JcaX509v3CertificateBuilder(name, serial(), Date.from(now.minusSeconds(60)),
                Date.from(now.plus(validity)), name, keys.getPublic());
        try {
            var ext = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(keys.getPublic()));
            return certificate(builder, keys.getPrivate());
        } catch (CertIOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot build the root certificate", e);
        }
    }

    /**
     * A node certificate for {@code subjectKey}, issued by the holder of {@code issuer}. Central and
     * provincial nodes get a CA certificate (they enrol children); a local node's cannot issue.
     */
    public static X509Certificate issue(X509Certificate issuer, PrivateKey issuerKey, PublicKey subjectKey,
                                        NodeIdentity identity, Instant now, Duration validity) {
        var subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.O, "Preconsult")
                .addRDN(BCStyle.OU, identity.role().name()).addRDN(BCStyle.CN, identity.nodeId()).build();
        var notAfter = now.plus(validity);
        if (notAfter.isAfter(issuer.getNotAfter().toInstant())) {
            notAfter = issuer.getNotAfter().toInstant();
        }
        var builder = new JcaX509v3CertificateBuilder(issuer, serial(), Date.from(now.minusSeconds(60)),
                Date.from(notAfter), subject, subjectKey);
        List<GeneralName> names = new ArrayList<>();
        names.add(new GeneralName(GeneralName.uniformResourceIdentifier, NODE_URN + identity.nodeId()));
        names.add(new GeneralName(GeneralName.uniformResourceIdentifier, ROLE_URN + identity.role().name()));
        if (identity.parentId() != null) {
            names.add(new GeneralName(GeneralName.uniformResourceIdentifier, PARENT_URN + identity.parentId()));
        }
        int usage = KeyUsage.digitalSignature | KeyUsage.keyAgreement;
        if (identity.mayIssue()) {
            usage |= KeyUsage.keyCertSign | KeyUsage.cRLSign;
        }
        try {
            var ext = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(identity.mayIssue()))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(usage))
                    .addExtension(Extension.extendedKeyUsage, false,
                            new ExtendedKeyUsage(new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}))
                    .addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names.toArray(GeneralName[]::new)))
                    .addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(subjectKey))
                    .addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(issuer));
            return certificate(builder, issuerKey);
        } catch (CertIOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot issue a certificate for " + identity.nodeId(), e);
        }
    }

    private static X509Certificate certificate(X509v3CertificateBuilder builder, PrivateKey key)
            throws CertificateException {
        return new JcaX509CertificateConverter().getCertificate(builder.build(signer(key)));
    }

    private static ContentSigner signer(PrivateKey key) {
        try {
            return new JcaContentSignerBuilder(SIGNATURE).build(key);
        } catch (OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static BigInteger serial() {
        return new BigInteger(127, RANDOM).add(BigInteger.ONE);
    }

    /** The node identity a certificate's alternative names state, or empty for a certificate without one (the root). */
    public static java.util.Optional<NodeIdentity> identity(X509Certificate certificate) {
        String node = null;
        String role = null;
        String parent = null;
        try {
            Collection<List<?>> names = certificate.getSubjectAlternativeNames();
            if (names == null) {
                return java.util.Optional.empty();
            }
            for (List<?> name : names) {
                if (!Integer.valueOf(GeneralName.uniformResourceIdentifier).equals(name.get(0))) {
                    continue;
                }
                String uri = String.valueOf(name.get(1));
                if (uri.startsWith(NODE_URN)) {
                    node = uri.substring(NODE_URN.length());
                } else if (uri.startsWith(ROLE_URN)) {
                    role = uri.substring(ROLE_URN.length());
                } else if (uri.startsWith(PARENT_URN)) {
                    parent = uri.substring(PARENT_URN.length());
                }
            }
        } catch (CertificateException e) {
            return java.util.Optional.empty();
        }
        if (node == null || role == null) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(new NodeIdentity(node, NodeRole.valueOf(role), parent));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    /** SHA-256 of the certificate's DER encoding, lower-case hex: what an operator pins and compares. */
    public static String fingerprint(X509Certificate certificate) {
        try {
            return fingerprint(certificate.getEncoded());
        } catch (CertificateException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String fingerprint(byte[] der) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether two fingerprints are the same, ignoring case and the ':' separators some tools print. */
    public static boolean sameFingerprint(String a, String b) {
        return a != null && b != null && normalize(a).equals(normalize(b));
    }

    private static String normalize(String fingerprint) {
        return fingerprint.replace(":", "").replace("sha256/", "").trim().toLowerCase(java.util.Locale.ROOT);
    }

    public static X509Certificate certificate(byte[] der) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException | ClassCastException e) {
            throw new IllegalArgumentException("not a certificate: " + e.getMessage(), e);
        }
    }

    public static List<X509Certificate> certificates(List<byte[]> ders) {
        return ders.stream().map(Pki::certificate).toList();
    }

    public static byte[] der(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (CertificateException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Checks that the chain (leaf first; the root may be included or not) leads to {@code root}:
     * signatures, validity at {@code at}, CA constraints. Throws with the validator's reason if not.
     */
    public static void validate(List<X509Certificate> chain, X509Certificate root, Instant at) throws CertificateException {
        List<X509Certificate> path = new ArrayList<>();
        for (X509Certificate c : chain) {
            if (!c.equals(root)) {
                path.add(c);
            }
        }
        if (path.isEmpty()) {
            throw new CertificateException("the chain holds no certificate below the root");
        }
        try {
            var parameters = new PKIXParameters(Set.of(new TrustAnchor(root, null)));
            parameters.setRevocationEnabled(false);
            parameters.setDate(Date.from(at));
            CertPathValidator.getInstance("PKIX").validate(CertificateFactory.getInstance("X.509").generateCertPath(path), parameters);
        } catch (GeneralSecurityException e) {
            throw new CertificateException(e.getMessage(), e);
        }
    }

    // ------------------------------------------------------------------ PEM

    public static String pem(List<X509Certificate> certificates) {
        var out = new StringWriter();
        try (var writer = new JcaPEMWriter(out)) {
            for (X509Certificate c : certificates) {
                writer.writeObject(c);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    public static List<X509Certificate> fromPem(String pem) {
        try {
            return CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))
                    .stream().map(c -> (X509Certificate) c).toList();
        } catch (CertificateException e) {
            throw new IllegalArgumentException("unreadable certificates: " + e.getMessage(), e);
        }
    }

    public static String privateKeyPem(PrivateKey key) {
        return "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(key.getEncoded()) + "\n-----END PRIVATE KEY-----\n";
    }

    public static PrivateKey privateKeyFromPem(String pem) {
        String body = pem.replace("-----BEGIN PRIVATE KEY-----", "").replace("-----END PRIVATE KEY-----", "")
                .replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("unreadable private key: " + e.getMessage(), e);
        }
    }

    /** Signs bytes with a node key; the envelope seal uses it. */
    public static byte[] sign(PrivateKey key, byte[] data) {
        try {
            var signature = java.security.Signature.getInstance(SIGNATURE);
            signature.initSign(key);
            signature.update(data);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static boolean verify(PublicKey key, byte[] data, byte[] signatureBytes) {
        try {
            var signature = java.security.Signature.getInstance(SIGNATURE);
            signature.initVerify(key);
            signature.update(data);
            return signature.verify(signatureBytes);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** Whether a certificate certifies the given key pair's public half. */
    public static boolean holds(X509Certificate certificate, KeyPair keys) {
        return certificate.getPublicKey().equals(keys.getPublic());
    }
}
