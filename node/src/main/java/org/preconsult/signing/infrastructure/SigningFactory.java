package org.preconsult.signing.infrastructure;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.Clock;

/** Wires this node's signing keys from its data directory. */
@Factory
class SigningFactory {

    @Singleton
    NodeKeys nodeKeys(@Value("${preconsult.data-dir}") String dataDir, @Value("${preconsult.node.id}") String nodeId) {
        return new NodeKeys(Path.of(dataDir, "keys"), nodeId, Clock.systemUTC());
    }
}
