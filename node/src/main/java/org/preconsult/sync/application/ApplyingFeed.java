package org.preconsult.sync.application;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.preconsult.catalogue.application.Catalogue;
import org.preconsult.common.infrastructure.Counters;
import org.preconsult.federation.v1.FeedItem;
import org.preconsult.federation.v1.SignedDecision;
import org.preconsult.node.NodeRole;
import org.preconsult.node.NodeSettings;
import org.preconsult.plan.application.ApplyingDecision;
import org.preconsult.practice.application.BestPractices;
import org.preconsult.review.application.ReviewCases;
import org.preconsult.review.infrastructure.DecisionMessages;
import org.preconsult.signing.application.KeyRing;
import org.preconsult.signing.infrastructure.NodeKeyMessages;
import org.preconsult.signing.infrastructure.SignedDecisions;
import org.preconsult.signing.model.ReplayCheck;
import org.preconsult.signing.model.TrustResult;
import org.preconsult.signing.model.Verification;
import org.preconsult.sync.infrastructure.FederationCodec;
import org.preconsult.sync.infrastructure.PracticeCodec;
import org.preconsult.sync.infrastructure.SyncRepositories.CursorRows;
import org.preconsult.sync.infrastructure.SyncRepositories.RejectedItemRows;
import org.preconsult.sync.infrastructure.SyncRows.CursorRow;
import org.preconsult.sync.infrastructure.SyncRows.RejectedItemRow;
import org.preconsult.trust.api.KeySeals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies items pulled from the parent's feed, each in one transaction with the cursor that covers
 * it: the cursor never runs ahead of what is durable, and an item applied twice (after a crash
 * between commit and the next pull) changes nothing the second time.
 *
 * <p>A node with children passes on what is for its subtree: broadcasts to all, decisions to the
 * child they are addressed to. An item that cannot be applied is recorded with its reason and the
 * cursor moves past it: one bad item does not stop the stream.
 */
@Singleton
public class ApplyingFeed {

    static final String PARENT_CURSOR = "parent-feed";
    private static final Logger LOG = LoggerFactory.getLogger(ApplyingFeed.class);

    private final CursorRows cursors;
    private final RejectedItemRows rejected;
    private final Counters counters;
    private final Catalogue catalogue;
    private final KeyRing keyRing;
    private final SignedDecisions decisions;
    private final ApplyingDecision applyingDecision;
    private final Feed feed;
    private final ReviewCases review;
    private final NodeSettings node;
    private final Clock clock;
    private final SyncConflicts conflicts;
    private final BestPractices practices;
    private final KeySeals keySeals;
    private final org.preconsult.adoption.infrastructure.AdoptionRoute adoptions;

    public ApplyingFeed(CursorRows cursors, RejectedItemRows rejected, Counters counters, Catalogue catalogue,
                        KeyRing keyRing, SignedDecisions decisions, ApplyingDecision applyingDecision, Feed feed,
                        ReviewCases review, NodeSettings node, Clock clock, SyncConflicts conflicts,
                        BestPractices practices, KeySeals keySeals,
                        org.preconsult.adoption.infrastructure.AdoptionRoute adoptions) {
        this.adoptions = adoptions;
        this.conflicts = conflicts;
        this.practices = practices;
        this.keySeals = keySeals;
        this.review = review;
        this.cursors = cursors;
        this.rejected = rejected;
        this.counters = counters;
        this.catalogue = catalogue;
        this.keyRing = keyRing;
        this.decisions = decisions;
        this.applyingDecision = applyingDecision;
        this.feed = feed;
        this.node = node;
        this.clock = clock;
    }

    /**
     * Where this node stands in its parent's feed: the position of the last item applied, with the
     * parent's incarnation and the item's digest as they were received (the parent checks both).
     */
    public record Cursor(long position, String incarnation, byte[] digest) {
        static final Cursor START = new Cursor(0, "", new byte[0]);
    }

    /** Position of the last item applied from the parent's feed. */
    @Transactional(readOnly = true)
    public long cursor() {
        return position().position();
    }

    @Transactional(readOnly = true)
    public Cursor position() {
        return cursors.findById(PARENT_CURSOR)
                .map(row -> new Cursor(row.position(), row.incarnation() == null ? "" : row.incarnation(),
                        row.digest() == null ? new byte[0] : java.util.HexFormat.of().parseHex(row.digest())))
                .orElse(Cursor.START);
    }

    /**
     * Applies one item and advances the cursor to it, in one transaction. A Resync (the parent's
     * feed no longer matches the cursor) moves the cursor back to the start: every item applies
     * again idempotently, and none is skipped.
     */
    @Transactional
    public void apply(FeedItem item) {
        if (item.hasHeartbeat()) {
            return;
        }
        if (item.hasResync()) {
            var before = position();
            conflicts.record(SyncConflicts.Kind.FEED_RESYNC, node.parent(), before.position(),
                    "The parent's feed no longer matches this node's cursor at position " + before.position()
                            + " (" + item.getResync().getReason() + "); re-reading the parent's feed from the start");
            write(new CursorRow(PARENT_CURSOR, 0, clock.instant(), null, null));
            return;
        }
        long current = cursor();
        if (item.getPosition() <= current) {
            return;
        }
        try {
            applyBody(item);
        } catch (IllegalArgumentException e) {
            reject(item, "unreadable item: " + e.getMessage());
        }
        advance(item);
    }

    private void applyBody(FeedItem item) {
        switch (item.getBodyCase()) {
            case CATALOGUE_ENTRY -> catalogue.upsert(FederationCodec.fromProto(item.getCatalogueEntry(), clock.instant()));
            case NODE_KEY -> {
                var unbound = keySeals.refusal(item.getNodeKey());
                if (unbound.isPresent()) {
                    reject(item, "key refused: " + unbound.get());
                    return;
                }
                var result = keyRing.trust(NodeKeyMessages.fromProto(item.getNodeKey()));
                if (result instanceof TrustResult.Added && hasChildren()) {
                    feed.broadcast(item.getNodeKey());
                }
                if (result instanceof TrustResult.Refused refused) {
                    reject(item, "key refused: " + refused);
                }
            }
            case DECISION -> decision(item.getAddress(), item.getDecision(), item);
            case BEST_PRACTICE_MARK -> practices.received(PracticeCodec.fromProto(item.getBestPracticeMark()));
            case ADDRESSED_ENVELOPE -> adoptions.fromParent(item).ifPresent(reason -> reject(item, reason));
            default -> reject(item, "unsupported item " + item.getBodyCase());
        }
    }

    private void decision(String address, SignedDecision signed, FeedItem item) {
        if (!address.equals(node.id()) && hasChildren()) {
            if (decisions.verifyForRelay(signed) instanceof Verification.Verified<org.preconsult.federation.v1.DecisionContent> ok) {
                if (!feed.holds(address, signed)) {
                    feed.address(address, ok.content().getPlanId(), ok.content().getPlanRevision(), signed);
                }
                review.parentDecided(DecisionMessages.fromProto(ok.content()));
            }
            return;
        }
        var verification = decisions.verify(signed, node.id());
        if (verification instanceof Verification.Rejected<?> no) {
            LOG.warn("Decision at position {} rejected: {} {}", item.getPosition(), no.reason(), no.message());
            return;
        }
        var ok = (Verification.Verified<org.preconsult.federation.v1.DecisionContent>) verification;
        if (decisions.markApplied(ok.content()) instanceof ReplayCheck.Replayed replayed) {
            LOG.warn("Decision {} rejected: {}", replayed.decisionId(), replayed.message());
            return;
        }
        applyingDecision.apply(DecisionMessages.fromProto(ok.content()), ok.keyId())
                .ifPresent(refusal -> reject(item, "decision " + ok.content().getDecisionId() + " not applied: " + refusal));
    }

    private boolean hasChildren() {
        return node.role() != NodeRole.LOCAL;
    }

    private void reject(FeedItem item, String reason) {
        LOG.warn("Feed item at position {} rejected: {}", item.getPosition(), reason);
        rejected.save(new RejectedItemRow(counters.next("rejected"), "PARENT_FEED", item.getPosition(),
                item.getBodyCase().name(), reason, clock.instant()));
    }

    private void advance(FeedItem item) {
        String incarnation = item.getIncarnation().isBlank() || item.getIncarnation().length() > 64 ? null : item.getIncarnation();
        String digest = item.getDigest().size() == 32 ? java.util.HexFormat.of().formatHex(item.getDigest().toByteArray()) : null;
        write(new CursorRow(PARENT_CURSOR, item.getPosition(), clock.instant(), incarnation, digest));
    }

    private void write(CursorRow row) {
        if (cursors.existsById(PARENT_CURSOR)) {
            cursors.update(row);
        } else {
            cursors.save(row);
        }
    }
}
