package org.preconsult.trust.application;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventPublisher;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.preconsult.node.NodeRole;
import org.preconsult.node.NodeSettings;
import org.preconsult.trust.infrastructure.Pki;
import org.preconsult.trust.model.NodeIdentity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's own federation identity: its private key and certificate chain (leaf first, root
 * last), kept in {@code <data-dir>/trust/}. Central creates the federation root there at its first
 * start; every other node has none until it has enrolled with its parent.
 *
 * <p>Invariant: the private key never leaves this node; the chain in memory is always one that was
 * written to disk first, so a restart serves the same identity.
 */
@Singleton
public class NodeCertificate {

    private static final Logger LOG = LoggerFactory.getLogger(NodeCertificate.class);

    /** The key, the chain it is certified by (leaf first, root last), and the identity the leaf names. */
    public record Held(PrivateKey key, List<X509Certificate> chain, NodeIdentity identity) {
        public X509Certificate leaf() {
            return chain.get(0);
        }

        public X509Certificate root() {
            return chain.get(chain.size() - 1);
        }

        public Instant expiresAt() {
            return leaf().getNotAfter().toInstant();
        }
    }

    /** Published when this node starts holding a (new) certificate. */
    public record Installed(NodeIdentity identity) {
    }

    private final NodeSettings node;
    private final TrustSettings settings;
    private final Path dir;
    private final Clock clock;
    private final ApplicationEventPublisher<Installed> events;
    private volatile Held held;
    private volatile PrivateKey rootKey;

    NodeCertificate(NodeSettings node, TrustSettings settings, @Value("${preconsult.data-dir}") Path dataDir, Clock clock,
                    ApplicationEventPublisher<Installed> events) {
        this.node = node;
        this.settings = settings;
        this.dir = dataDir.resolve("trust");
        this.clock = clock;
        this.events = events;
        load();
    }

    private void load() {
        try {
            if (Files.exists(dir.resolve("node.key")) && Files.exists(dir.resolve("node-chain.pem"))) {
                var key = Pki.privateKeyFromPem(Files.readString(dir.resolve("node.key")));
                var chain = Pki.fromPem(Files.readString(dir.resolve("node-chain.pem")));
                held = held(key, chain);
            }
            if (Files.exists(dir.resolve("root.key"))) {
                rootKey = Pki.privateKeyFromPem(Files.readString(dir.resolve("root.key")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read this node's certificate in " + dir, e);
        }
        if (held == null && node.isCentral() && !node.hasParent()) {
            createRoot();
        }
    }

    private Held held(PrivateKey key, List<X509Certificate> chain) {
        var identity = Pki.identity(chain.get(0))
                .orElseThrow(() -> new IllegalStateException("This node's certificate names no node identity"));
        if (!identity.nodeId().equals(node.id())) {
            throw new IllegalStateException("The certificate in " + dir + " belongs to " + identity.nodeId()
                    + ", but this node is configured as " + node.id());
        }
        return new Held(key, List.copyOf(chain), identity);
    }

    /** Central's first start: the federation root, and central's own certificate issued by it. */
    private void createRoot() {
        var now = clock.instant();
        var rootKeys = Pki.newKeyPair();
        var root = Pki.root(rootKeys, node.name(), now, settings.rootValidity());
        var keys = Pki.newKeyPair();
        var identity = new NodeIdentity(node.id(), NodeRole.CENTRAL, null);
        var leaf = Pki.issue(root, rootKeys.getPrivate(), keys.getPublic(), identity, now, settings.certificateValidity());
        write("root.key", Pki.privateKeyPem(rootKeys.getPrivate()), true);
        rootKey = rootKeys.getPrivate();
        // Stored without the Installed event: this runs while the node's beans are being built, and
        // the server and key publication start from the startup event anyway.
        store(keys, List.of(leaf, root));
        LOG.info("Created the federation root; its fingerprint, which joining nodes pin, is {}", Pki.fingerprint(root));
    }

    /** Stores and starts using a new key and chain (after enrolment or renewal). */
    public synchronized void install(KeyPair keys, List<X509Certificate> chain) {
        events.publishEvent(new Installed(store(keys, chain).identity()));
    }

    private Held store(KeyPair keys, List<X509Certificate> chain) {
        var next = held(keys.getPrivate(), chain);
        if (!Pki.holds(next.leaf(), keys)) {
            throw new IllegalArgumentException("the certificate does not certify this node's key");
        }
        write("node.key", Pki.privateKeyPem(keys.getPrivate()), true);
        write("node-chain.pem", Pki.pem(chain), false);
        write("root.pem", Pki.pem(List.of(next.root())), false);
        held = next;
        return next;
    }

    /** Re-issues central's own certificate from the root key it holds (central renews without a parent). */
    public synchronized void renewFromRoot() {
        if (rootKey == null) {
            throw new IllegalStateException("only central holds the root key");
        }
        var keys = Pki.newKeyPair();
        var root = held.root();
        var leaf = Pki.issue(root, rootKey, keys.getPublic(), held.identity(), clock.instant(), settings.certificateValidity());
        install(keys, List.of(leaf, root));
    }

    public boolean holdsRootKey() {
        return rootKey != null;
    }

    private void write(String name, String content, boolean secret) {
        try {
            Files.createDirectories(dir);
            var tmp = dir.resolve(name + ".tmp");
            Files.writeString(tmp, content, StandardCharsets.US_ASCII);
            if (secret) {
                try {
                    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException e) {
                    // not a POSIX file system: the directory's own permissions protect the key
                }
            }
            Files.move(tmp, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + name + " in " + dir, e);
        }
    }

    /** The key and chain this node holds, or empty before it has enrolled. */
    public Optional<Held> current() {
        return Optional.ofNullable(held);
    }

    public boolean enrolled() {
        return held != null;
    }

    /** The key and chain, for a caller that cannot go on without them. */
    public Held require() {
        var h = held;
        if (h == null) {
            throw new IllegalStateException("this node has no federation certificate yet");
        }
        return h;
    }
}
