package org.preconsult.signing.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/** A public signing key on the wire; {@code publicKey} is base64 of its X.509 encoding. */
@Serdeable
public record NodeKeyView(String nodeId, String keyId, String algorithm, String publicKey, Instant createdAt,
                          @Nullable Instant retiredAt, boolean active) {
}
