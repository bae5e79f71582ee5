package org.preconsult.trust.application;

import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.preconsult.trust.infrastructure.TrustRepositories.TrustRefusalRows;
import org.preconsult.trust.infrastructure.TrustRows.TrustRefusalRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the federation refused, for the operator to see: handshakes with a certificate that does not
 * lead to the root, calls without a certificate, envelopes that are not authentic or not the
 * sender's to send. Each is also logged as a warning.
 */
@Singleton
public class TrustRefusals {

    private static final Logger LOG = LoggerFactory.getLogger(TrustRefusals.class);
    private static final int REASON_MAX = 2000;

    private final TrustRefusalRows rows;
    private final Clock clock;

    TrustRefusals(TrustRefusalRows rows, Clock clock) {
        this.rows = rows;
        this.clock = clock;
    }

    /** Records a refusal in its own transaction (the refused request has none worth keeping). */
    @Transactional
    public void record(String peer, String what, String reason) {
        LOG.warn("Federation refused {} from {}: {}", what, peer, reason);
        String bounded = reason.length() > REASON_MAX ? reason.substring(0, REASON_MAX) : reason;
        String peerBounded = peer.length() > 200 ? peer.substring(0, 200) : peer;
        rows.save(new TrustRefusalRow(null, clock.instant(), peerBounded, what, bounded));
    }

    /** The newest refusals first. */
    @Transactional(readOnly = true)
    public Page<TrustRefusalRow> newest(int page, int size) {
        return rows.findAll(Pageable.from(page, size, Sort.of(Sort.Order.desc("id"))));
    }
}
