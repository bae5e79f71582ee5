package org.preconsult.sync.infrastructure;

import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.preconsult.node.NodeSettings;
import org.preconsult.signing.application.RotatingNodeKey;
import org.preconsult.signing.infrastructure.NodeKeyMessages;
import org.preconsult.signing.infrastructure.NodeKeys;
import org.preconsult.sync.infrastructure.SyncRepositories.PublishedKeyRows;
import org.preconsult.sync.infrastructure.SyncRows.PublishedKeyRow;
import org.preconsult.sync.application.Feed;
import org.preconsult.trust.infrastructure.KeySeals;

/**
 * Offers this node's public signing keys to its subtree, once per key: at start (new node or new
 * key after a rotation) so that children can verify the decisions this node signs.
 */
@Singleton
public class PublishingKeys {

    private final NodeKeys keys;
    private final Feed feed;
    private final PublishedKeyRows published;
    private final NodeSettings node;
    private final Clock clock;
    private final KeySeals seals;

    public PublishingKeys(NodeKeys keys, Feed feed, PublishedKeyRows published, NodeSettings node, Clock clock,
                          KeySeals seals) {
        this.seals = seals;
        this.keys = keys;
        this.feed = feed;
        this.published = published;
        this.node = node;
        this.clock = clock;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        publishNewKeys();
    }

    /** A node publishes nothing before it holds the certificate its keys are bound to. */
    @EventListener
    void onCertificate(org.preconsult.trust.application.NodeCertificate.Installed event) {
        publishNewKeys();
    }

    @EventListener
    void onRotated(RotatingNodeKey.NodeKeyRotated event) {
        publishNewKeys();
    }

    /** Broadcasts every own key not broadcast before; nodes without children keep nothing. */
    @Transactional
    public void publishNewKeys() {
        if (!node.hasChildren() || !seals.canSeal()) {
            return;
        }
        for (var key : keys.publicKeys()) {
            if (!published.existsById(key.keyId())) {
                feed.publishKey(seals.seal(NodeKeyMessages.toProto(key)).toByteArray());
                published.save(new PublishedKeyRow(key.keyId(), clock.instant()));
            }
        }
    }
}
