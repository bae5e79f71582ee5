package org.preconsult.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Clock;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.preconsult.signing.infrastructure.Ed25519;
import org.preconsult.signing.infrastructure.NodeKeys;
import org.preconsult.signing.model.Signature;

class NodeKeysTest {

    private static final byte[] CONTENT = "decision bytes".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    @Test
    void firstStart_generatesAKey_andLaterStartsLoadTheSameKey() {
        var first = new NodeKeys(dir, "local-1", Clock.systemUTC());
        Signature signature = first.sign(CONTENT);

        var restarted = new NodeKeys(dir, "local-1", Clock.systemUTC());

        assertEquals(first.active().keyId(), restarted.active().keyId());
        assertTrue(restarted.active().keyId().startsWith("local-1-"));
        assertEquals(first.publicKeys(), restarted.publicKeys());
        Signature again = restarted.sign(CONTENT);
        assertEquals(signature.keyId(), again.keyId());
        assertTrue(Ed25519.verify(restarted.active().publicPart().publicKey(), CONTENT, signature.bytes()));
    }

    @Test
    void rotation_signsWithTheNewKey_keepsTheOldPublicKey_andDestroysTheOldPrivateKey() {
        var keys = new NodeKeys(dir, "local-1", Clock.systemUTC());
        var old = keys.active();
        Signature oldSignature = keys.sign(CONTENT);

        var fresh = keys.rotate();

        assertNotEquals(old.keyId(), fresh.keyId());
        assertEquals(fresh.keyId(), keys.sign(CONTENT).keyId());
        assertEquals(2, keys.all().size());
        assertFalse(keys.all().get(0).active());
        assertTrue(Ed25519.verify(keys.all().get(0).publicPart().publicKey(), CONTENT, oldSignature.bytes()));
        assertFalse(Files.exists(dir.resolve(old.keyId() + ".key")), "a retired private key can never sign again");

        var restarted = new NodeKeys(dir, "local-1", Clock.systemUTC());
        assertEquals(fresh.keyId(), restarted.active().keyId());
        assertEquals(2, restarted.all().size());
        assertEquals(keys.all().get(0).retiredAt(), restarted.all().get(0).retiredAt());
        assertNull(restarted.active().retiredAt());
    }

    @Test
    void privateKeyFile_isReadableByTheOwnerOnly() throws Exception {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        var keys = new NodeKeys(dir.resolve("keys"), "local-1", Clock.systemUTC());

        Set<PosixFilePermission> permissions =
                Files.getPosixFilePermissions(dir.resolve("keys").resolve(keys.active().keyId() + ".key"));

        assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE), permissions);
    }

    @Test
    void nodesStartingOverInAnEmptyDirectory_neverReuseAKeyId() {
        var before = new NodeKeys(dir.resolve("a"), "local-1", Clock.systemUTC());
        var after = new NodeKeys(dir.resolve("b"), "local-1", Clock.systemUTC());

        assertNotEquals(before.active().keyId(), after.active().keyId());
    }
}
