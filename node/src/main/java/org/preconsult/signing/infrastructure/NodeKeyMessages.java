package org.preconsult.signing.infrastructure;

import com.google.protobuf.ByteString;
import java.time.Instant;
import org.preconsult.federation.v1.NodeKey;
import org.preconsult.signing.model.NodeKeyInfo;

/** Maps public keys to and from the federation's {@code NodeKey} message. */
public final class NodeKeyMessages {

    private NodeKeyMessages() {
    }

    public static NodeKey toProto(NodeKeyInfo key) {
        return NodeKey.newBuilder()
                .setNodeId(key.nodeId())
                .setKeyId(key.keyId())
                .setAlgorithm(key.algorithm())
                .setPublicKey(ByteString.copyFrom(key.publicKey()))
                .setCreatedAtEpochMs(key.createdAt().toEpochMilli())
                .build();
    }

    public static NodeKeyInfo fromProto(NodeKey key) {
        return new NodeKeyInfo(key.getNodeId(), key.getKeyId(), key.getAlgorithm(), key.getPublicKey().toByteArray(),
                Instant.ofEpochMilli(key.getCreatedAtEpochMs()));
    }
}
