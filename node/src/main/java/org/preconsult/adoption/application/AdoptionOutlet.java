package org.preconsult.adoption.application;

import java.util.Optional;
import org.preconsult.federation.model.AdoptionMessage;

/**
 * Where this node's adoption messages leave it: into the federation, toward the node they are
 * addressed to. Sending joins the caller's transaction, so a change and its message are durable
 * together or not at all.
 */
public interface AdoptionOutlet {

    /** Why a message to {@code nodeId} could not be routed from here, if it could not. */
    Optional<String> unreachable(String nodeId);

    /** Sends the message on its way (sealed by this node when it leaves it); requires a transaction. */
    void send(AdoptionMessage message);
}
