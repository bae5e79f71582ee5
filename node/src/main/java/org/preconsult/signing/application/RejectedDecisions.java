package org.preconsult.signing.application;

import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Instant;
import org.preconsult.common.infrastructure.Counters;
import org.preconsult.signing.infrastructure.RejectedDecisionRow;
import org.preconsult.signing.infrastructure.RejectedDecisionRows;
import org.preconsult.signing.model.RejectedDecision;
import org.preconsult.signing.model.RejectionReason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Keeps and lists the decisions this node refused, so the operator can see and act on them. */
@Singleton
public class RejectedDecisions {

    private static final Logger LOG = LoggerFactory.getLogger(RejectedDecisions.class);
    private static final int DETAIL_LIMIT = 2000;

    private final RejectedDecisionRows rows;
    private final Counters counters;

    public RejectedDecisions(RejectedDecisionRows rows, Counters counters) {
        this.rows = rows;
        this.counters = counters;
    }

    /**
     * Logs and records a rejection in a transaction of its own, so the record survives even when
     * the caller's transaction (applying a feed item, say) rolls back.
     */
    @Transactional(propagation = TransactionDefinition.Propagation.REQUIRES_NEW)
    public RejectedDecision record(String decisionId, String signerNode, String keyId, RejectionReason reason,
                                   String detail) {
        LOG.warn("Rejected decision {} signed by {} with key {}: {} ({})", decisionId == null ? "(content not read)" : decisionId,
                signerNode, keyId, reason, detail);
        String bounded = detail.length() > DETAIL_LIMIT ? detail.substring(0, DETAIL_LIMIT) : detail;
        var row = rows.save(new RejectedDecisionRow(counters.next("rejected_decision"), decisionId, signerNode, keyId,
                reason.name(), bounded, Instant.now()));
        return toModel(row);
    }

    /** Rejections, newest first; {@code page} counts from 0. */
    @Transactional(readOnly = true)
    public Page<RejectedDecision> list(int page, int size) {
        return rows.findAll(Pageable.from(page, size, Sort.of(Sort.Order.desc("id")))).map(RejectedDecisions::toModel);
    }

    private static RejectedDecision toModel(RejectedDecisionRow row) {
        return new RejectedDecision(row.id(), row.decisionId(), row.signerNode(), row.keyId(),
                RejectionReason.valueOf(row.reason()), row.detail(), row.rejectedAt());
    }
}
