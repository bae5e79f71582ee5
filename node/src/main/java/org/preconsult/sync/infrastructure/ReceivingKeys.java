package org.preconsult.sync.infrastructure;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.preconsult.federation.v1.NodeKey;
import org.preconsult.node.NodeSettings;
import org.preconsult.signing.application.KeyRing;
import org.preconsult.signing.infrastructure.NodeKeyMessages;
import org.preconsult.signing.model.TrustResult;
import org.preconsult.sync.application.Feed;
import org.preconsult.trust.infrastructure.KeySeals;

/**
 * Takes a public key from the parent's feed: its seal must bind it to the certificate of the node
 * it names; then the key ring decides, and a node with children passes a newly trusted key on.
 */
@Singleton
public class ReceivingKeys {

    private final KeySeals keySeals;
    private final KeyRing keyRing;
    private final Feed feed;
    private final NodeSettings node;

    ReceivingKeys(KeySeals keySeals, KeyRing keyRing, Feed feed, NodeSettings node) {
        this.keySeals = keySeals;
        this.keyRing = keyRing;
        this.feed = feed;
        this.node = node;
    }

    /** Why the key item is refused, if it is; joins the transaction of the feed item. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public Optional<String> received(byte[] sealedKey) {
        NodeKey key = FeedWire.parse(sealedKey, NodeKey.parser(), "node key");
        var unbound = keySeals.refusal(key);
        if (unbound.isPresent()) {
            return Optional.of("key refused: " + unbound.get());
        }
        var result = keyRing.trust(NodeKeyMessages.fromProto(key));
        if (result instanceof TrustResult.Added && node.hasChildren()) {
            feed.publishKey(sealedKey);
        }
        if (result instanceof TrustResult.Refused refused) {
            return Optional.of("key refused: " + refused);
        }
        return Optional.empty();
    }
}
