package org.preconsult.signing.model;

import java.time.Instant;

/**
 * One of this node's own signing keys, as the operator sees it. Only the active key (not retired)
 * signs; retired keys keep their public part so that what they signed stays verifiable.
 */
public record OwnKey(NodeKeyInfo publicPart, Instant retiredAt) {

    public boolean active() {
        return retiredAt == null;
    }

    public String keyId() {
        return publicPart.keyId();
    }
}
