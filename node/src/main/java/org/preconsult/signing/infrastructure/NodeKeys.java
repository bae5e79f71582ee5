package org.preconsult.signing.infrastructure;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import org.preconsult.signing.model.NodeKeyInfo;
import org.preconsult.signing.model.OwnKey;
import org.preconsult.signing.model.Signature;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's own Ed25519 signing keys, kept as files in one directory.
 *
 * <p>Layout: {@code <keyId>.pub} (base64 X.509 public key), {@code <keyId>.key} (base64 PKCS#8
 * private key, owner-only where the file system has POSIX permissions) and {@code keys.properties}
 * (which key is active; when each was created and retired). The key id is
 * {@code <nodeId>-<16 hex digits of the public key's SHA-256>}, so a node that loses its directory
 * and starts over can never reuse an id that other nodes already pinned to other bytes.
 *
 * <p>Invariant: exactly one key is active and only it has a private key file. Rotation writes the
 * new key, switches {@code keys.properties} atomically, then deletes the old private key; a crash
 * in between leaves either the old or the new key active, and a left-over retired private key is
 * deleted on the next start.
 */
public class NodeKeys {

    private static final Logger LOG = LoggerFactory.getLogger(NodeKeys.class);
    private static final String INDEX = "keys.properties";

    private final Path dir;
    private final String nodeId;
    private final Clock clock;
    private volatile State state;

    /** The keys and the private key of the active one, replaced as a whole on rotation. */
    private record State(List<OwnKey> keys, OwnKey active, PrivateKey privateKey) {
    }

    /** Loads the keys in {@code dir}, generating the first key pair when there is none. */
    public NodeKeys(Path dir, String nodeId, Clock clock) {
        this.dir = dir;
        this.nodeId = nodeId;
        this.clock = clock;
        try {
            createPrivateDirectory(dir);
            if (Files.exists(dir.resolve(INDEX))) {
                this.state = load();
            } else {
                this.state = generate(null);
                LOG.info("Generated the first signing key {} of node {} in {}", state.active().keyId(), nodeId, dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the node keys in " + dir, e);
        }
    }

    public String nodeId() {
        return nodeId;
    }

    /** The key that signs now. */
    public OwnKey active() {
        return state.active();
    }

    /** All keys, oldest first: the active one and the retired ones. */
    public List<OwnKey> all() {
        return state.keys();
    }

    /** The public parts of all keys, for the key ring and for distribution down the tree. */
    public List<NodeKeyInfo> publicKeys() {
        return state.keys().stream().map(OwnKey::publicPart).toList();
    }

    /** Signs {@code content} with the active key. */
    public Signature sign(byte[] content) {
        State current = state;
        return new Signature(nodeId, current.active().keyId(), Ed25519.ALGORITHM,
                Ed25519.sign(current.privateKey(), content));
    }

    /**
     * Makes a new key the active one and retires the current one: its public part stays (what it
     * signed stays verifiable), its private key file is deleted so it can never sign again.
     */
    public synchronized OwnKey rotate() {
        State old = state;
        try {
            state = generate(old);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the new node key in " + dir, e);
        }
        deleteQuietly(privateKeyFile(old.active().keyId()));
        LOG.info("Rotated the signing key of node {}: {} retired, {} active", nodeId, old.active().keyId(),
                state.active().keyId());
        return state.active();
    }

    private State generate(State old) throws IOException {
        var pair = Ed25519.generate();
        byte[] publicKey = pair.getPublic().getEncoded();
        String keyId = nodeId + "-" + Ed25519.fingerprint(publicKey);
        Instant now = clock.instant();
        writeAtomically(privateKeyFile(keyId), base64(pair.getPrivate().getEncoded()), true);
        writeAtomically(publicKeyFile(keyId), base64(publicKey), false);

        var keys = new ArrayList<OwnKey>();
        if (old != null) {
            for (OwnKey key : old.keys()) {
                keys.add(key.active() ? new OwnKey(key.publicPart(), now) : key);
            }
        }
        var active = new OwnKey(new NodeKeyInfo(nodeId, keyId, Ed25519.ALGORITHM, publicKey, now), null);
        keys.add(active);
        writeIndex(keys, keyId);
        return new State(List.copyOf(keys), active, pair.getPrivate());
    }

    private State load() throws IOException {
        var index = new Properties();
        try (Reader in = Files.newBufferedReader(dir.resolve(INDEX), StandardCharsets.UTF_8)) {
            index.load(in);
        }
        String activeId = index.getProperty("active");
        var keys = new ArrayList<OwnKey>();
        for (String name : index.stringPropertyNames()) {
            if (!name.endsWith(".created")) {
                continue;
            }
            String keyId = name.substring(0, name.length() - ".created".length());
            byte[] publicKey = Base64.getDecoder().decode(Files.readString(publicKeyFile(keyId)).strip());
            String retired = index.getProperty(keyId + ".retired");
            keys.add(new OwnKey(new NodeKeyInfo(nodeId, keyId, Ed25519.ALGORITHM, publicKey,
                    Instant.parse(index.getProperty(name))), retired == null ? null : Instant.parse(retired)));
        }
        keys.sort(Comparator.comparing((OwnKey k) -> k.publicPart().createdAt()).thenComparing(OwnKey::keyId));
        OwnKey active = keys.stream().filter(k -> k.keyId().equals(activeId) && k.active()).findFirst()
                .orElseThrow(() -> new IllegalStateException("The key index in " + dir + " names no active key"));
        for (OwnKey key : keys) {
            if (!key.active()) {
                deleteQuietly(privateKeyFile(key.keyId()));
            }
        }
        try {
            byte[] pkcs8 = Base64.getDecoder().decode(Files.readString(privateKeyFile(activeId)).strip());
            return new State(List.copyOf(keys), active, Ed25519.privateKey(pkcs8));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("The private key file of " + activeId + " in " + dir + " is unreadable", e);
        }
    }

    private void writeIndex(List<OwnKey> keys, String activeId) throws IOException {
        var index = new Properties();
        index.setProperty("active", activeId);
        for (OwnKey key : keys) {
            index.setProperty(key.keyId() + ".created", key.publicPart().createdAt().toString());
            if (key.retiredAt() != null) {
                index.setProperty(key.keyId() + ".retired", key.retiredAt().toString());
            }
        }
        var text = new java.io.StringWriter();
        index.store(text, "Signing keys of node " + nodeId + "; only the active key has a private key file");
        writeAtomically(dir.resolve(INDEX), text.toString(), false);
    }

    /** Writes to a temporary file and moves it in place, so a reader never sees half a file. */
    private void writeAtomically(Path target, String content, boolean ownerOnly) throws IOException {
        Path temp = dir.resolve(target.getFileName() + ".tmp");
        Files.deleteIfExists(temp);
        if (ownerOnly && posix()) {
            Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(temp);
        }
        try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
            out.write(content);
        }
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void createPrivateDirectory(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        FileAttribute<?>[] attributes = posix(dir.toAbsolutePath().getRoot())
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))}
                : new FileAttribute<?>[0];
        try {
            Files.createDirectories(dir, attributes);
        } catch (FileAlreadyExistsException e) {
            throw new IOException(dir + " exists and is not a directory", e);
        }
    }

    private boolean posix() {
        return posix(dir);
    }

    private static boolean posix(Path path) {
        return path != null && path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private Path privateKeyFile(String keyId) {
        return dir.resolve(keyId + ".key");
    }

    private Path publicKeyFile(String keyId) {
        return dir.resolve(keyId + ".pub");
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes) + "\n";
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("Could not delete the retired private key {}: delete it by hand", file, e);
        }
    }
}
