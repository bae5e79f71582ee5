package org.preconsult.federation.application;

import org.preconsult.federation.model.Upward;

/**
 * The way up: a feature announces a change of this node to its parent. Implemented by the sync
 * feature's transactional outbox; the announcement joins the caller's transaction, so the change
 * and its envelope are durable together or not at all. A node without a parent keeps nothing.
 */
public interface Upstream {

    void announce(Upward body);
}
