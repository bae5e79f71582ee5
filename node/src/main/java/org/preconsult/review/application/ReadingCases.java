package org.preconsult.review.application;

import io.micronaut.core.type.Argument;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import org.preconsult.common.infrastructure.TextLists;
import org.preconsult.common.model.Outcome;
import org.preconsult.decision.model.Condition;
import org.preconsult.decision.model.Decision;
import org.preconsult.federation.model.PlanSummary;
import org.preconsult.federation.model.PreliminaryReview;
import org.preconsult.node.NodeSettings;
import org.preconsult.redundancy.model.CheckResult;
import org.preconsult.review.infrastructure.JsonColumns;
import org.preconsult.review.infrastructure.ReviewCaseRow;
import org.preconsult.review.infrastructure.ReviewRepositories.ReviewCaseRows;
import org.preconsult.review.model.CaseStatus;
import org.preconsult.review.model.ReviewCase;

/** Reads the review cases of this node, as the reviewers' list and a case's page show them. */
@Singleton
public class ReadingCases {

    private final ReviewCaseRows cases;
    private final JsonColumns json;
    private final NodeSettings node;

    ReadingCases(ReviewCaseRows cases, JsonColumns json, NodeSettings node) {
        this.cases = cases;
        this.json = json;
        this.node = node;
    }

    @Transactional(readOnly = true)
    public Page<ReviewCase> list(CaseStatus status, Pageable pageable) {
        var page = status == null ? cases.findAll(pageable) : cases.findByStatus(status.name(), pageable);
        return page.map(row -> toCase(row, json, node));
    }

    /** The case of this id; empty when this node has none. */
    @Transactional(readOnly = true)
    public Optional<ReviewCase> find(String caseId) {
        return cases.findById(caseId).map(row -> toCase(row, json, node));
    }

    static ReviewCase toCase(ReviewCaseRow row, JsonColumns json, NodeSettings node) {
        var plan = json.read(row.summary(), Argument.of(PlanSummary.class));
        var evidence = json.read(row.evidence(), Argument.of(CheckResult.class));
        List<PreliminaryReview> preliminary = row.preliminary() == null ? List.of()
                : json.read(row.preliminary(), Argument.listOf(PreliminaryReview.class));
        var status = row.caseStatus();
        Decision decision = null;
        if (row.decisionId() != null) {
            List<Condition> issued = row.conditions() == null ? List.of()
                    : json.read(row.conditions(), Argument.listOf(Condition.class));
            String decidingNode = status.awaitsParent() ? row.forwardedTo() : node.id();
            decision = new Decision(row.decisionId(), row.id(), row.planId(), row.planRevision(), row.originNode(),
                    decidingNode, Outcome.valueOf(row.outcome()), TextLists.split(row.reasons()), issued,
                    row.decidedAt(), Boolean.TRUE.equals(row.automatic()), row.decidedBy(), null, null);
        }
        return new ReviewCase(row.id(), plan, evidence, preliminary, row.routingReason(), row.decidingLevel(),
                status, row.openedAt(), row.dueAt(), row.previousCaseId(), row.forwardedTo(),
                row.overrideReason(), decision);
    }
}
