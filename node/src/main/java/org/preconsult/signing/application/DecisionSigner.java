package org.preconsult.signing.application;

import jakarta.inject.Singleton;
import org.preconsult.signing.infrastructure.NodeKeys;
import org.preconsult.signing.model.Signature;

/** Signs what this node decides, with its active key. */
@Singleton
public class DecisionSigner {

    private final NodeKeys keys;

    public DecisionSigner(NodeKeys keys) {
        this.keys = keys;
    }

    /** Signs exactly these bytes; the receiver verifies the same bytes before it parses them. */
    public Signature sign(byte[] content) {
        return keys.sign(content);
    }
}
