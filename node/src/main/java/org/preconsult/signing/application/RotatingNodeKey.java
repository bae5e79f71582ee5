package org.preconsult.signing.application;

import io.micronaut.transaction.annotation.Transactional;
import io.micronaut.context.event.ApplicationEventPublisher;
import jakarta.inject.Singleton;
import java.util.Map;
import org.preconsult.audit.application.AuditTrail;
import org.preconsult.audit.application.CurrentActor;
import org.preconsult.signing.infrastructure.NodeKeys;
import org.preconsult.signing.model.OwnKey;

/** Replaces this node's active signing key with a new one; the old one stays for verifying. */
@Singleton
public class RotatingNodeKey {

    private final NodeKeys keys;
    private final KeyRing keyRing;
    private final AuditTrail audit;
    private final CurrentActor actor;

    private final ApplicationEventPublisher<NodeKeyRotated> events;

    public RotatingNodeKey(NodeKeys keys, KeyRing keyRing, AuditTrail audit, CurrentActor actor,
                           ApplicationEventPublisher<NodeKeyRotated> events) {
        this.keys = keys;
        this.keyRing = keyRing;
        this.audit = audit;
        this.actor = actor;
        this.events = events;
    }

    /** Published in the rotating transaction, so the new public key can travel with it. */
    public record NodeKeyRotated(String keyId) {
    }

    /**
     * Rotates and returns the new active key. The key files change first: if the database part
     * fails, the new key still signs and the ring picks it up at the next start.
     */
    @Transactional
    public OwnKey rotate() {
        String retired = keys.active().keyId();
        OwnKey active = keys.rotate();
        keyRing.trustOwnKeys();
        events.publishEvent(new NodeKeyRotated(active.keyId()));
        audit.record(actor.current(), "node_key", keys.nodeId(), "ROTATED",
                Map.of("activeKeyId", retired), Map.of("activeKeyId", active.keyId(), "retiredKeyId", retired));
        return active;
    }
}
