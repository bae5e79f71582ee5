package org.preconsult.signing.infrastructure;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.HexFormat;

/** The one signature algorithm nodes use, on the JDK's own provider. */
public final class Ed25519 {

    /** The algorithm's name as it travels in {@code SignedDecision.algorithm} and {@code NodeKey.algorithm}. */
    public static final String ALGORITHM = "Ed25519";

    private Ed25519() {
    }

    static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This JDK cannot generate Ed25519 keys", e);
        }
    }

    static byte[] sign(PrivateKey key, byte[] content) {
        try {
            var signer = java.security.Signature.getInstance(ALGORITHM);
            signer.initSign(key);
            signer.update(content);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Signing with the node key failed", e);
        }
    }

    /** Whether {@code signature} is valid for {@code content}; false for any malformed input. */
    public static boolean verify(byte[] x509PublicKey, byte[] content, byte[] signature) {
        try {
            var verifier = java.security.Signature.getInstance(ALGORITHM);
            verifier.initVerify(publicKey(x509PublicKey));
            verifier.update(content);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** Decodes an X.509 encoded public key; throws if the bytes are not an Ed25519 public key. */
    public static PublicKey publicKey(byte[] x509) throws GeneralSecurityException {
        return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(x509));
    }

    static PrivateKey privateKey(byte[] pkcs8) throws GeneralSecurityException {
        return KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
    }

    /** The first 16 hex digits of the SHA-256 of the encoded public key: short, stable, collision-safe enough for ids. */
    static String fingerprint(byte[] x509) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(x509);
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
