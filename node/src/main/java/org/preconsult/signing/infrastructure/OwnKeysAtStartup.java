package org.preconsult.signing.infrastructure;

import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.preconsult.signing.application.KeyRing;

/** Puts this node's own public keys in its key ring when the node starts. */
@Singleton
class OwnKeysAtStartup {

    private final KeyRing keyRing;

    OwnKeysAtStartup(KeyRing keyRing) {
        this.keyRing = keyRing;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        keyRing.trustOwnKeys();
    }
}
