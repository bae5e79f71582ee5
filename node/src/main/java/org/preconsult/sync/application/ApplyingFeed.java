package org.preconsult.sync.application;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Optional;
import org.preconsult.catalogue.application.Catalogue;
import org.preconsult.catalogue.application.EntrySummaries;
import org.preconsult.common.infrastructure.Counters;
import org.preconsult.decision.infrastructure.ReceivingDecisions;
import org.preconsult.decision.infrastructure.ReceivingWaivers;
import org.preconsult.federation.model.Downward;
import org.preconsult.node.NodeSettings;
import org.preconsult.practice.application.BestPractices;
import org.preconsult.practice.application.PracticeMarks;
import org.preconsult.sync.infrastructure.ReceivingKeys;
import org.preconsult.sync.infrastructure.SyncRepositories.CursorRows;
import org.preconsult.sync.infrastructure.SyncRepositories.RejectedItemRows;
import org.preconsult.sync.infrastructure.SyncRows.CursorRow;
import org.preconsult.sync.infrastructure.SyncRows.RejectedItemRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies items pulled from the parent's feed, each in one transaction with the cursor that covers
 * it: the cursor never runs ahead of what is durable, and an item applied twice (after a crash
 * between commit and the next pull) changes nothing the second time.
 *
 * <p>Each message goes to the feature it is for: catalogue entries to the catalogue, keys to
 * {@link ReceivingKeys}, decisions to the decision feature ({@link ReceivingDecisions}, which also
 * relays those for the subtree), conditions' waivers to {@link ReceivingWaivers} likewise, best-practice marks to the practice feature. An item that cannot
 * be applied is recorded with its reason and the cursor moves past it: one bad item does not stop
 * the stream.
 */
@Singleton
public class ApplyingFeed {

    static final String PARENT_CURSOR = "parent-feed";
    private static final Logger LOG = LoggerFactory.getLogger(ApplyingFeed.class);

    private final CursorRows cursors;
    private final RejectedItemRows rejected;
    private final Counters counters;
    private final Catalogue catalogue;
    private final ReceivingKeys keys;
    private final ReceivingDecisions decisions;
    private final NodeSettings node;
    private final Clock clock;
    private final SyncConflicts conflicts;
    private final BestPractices practices;
    private final AddressedEnvelopes addressed;
    private final ReceivingWaivers waivers;

    public ApplyingFeed(CursorRows cursors, RejectedItemRows rejected, Counters counters, Catalogue catalogue,
                        ReceivingKeys keys, ReceivingDecisions decisions, NodeSettings node, Clock clock,
                        SyncConflicts conflicts, BestPractices practices, AddressedEnvelopes addressed,
                        ReceivingWaivers waivers) {
        this.waivers = waivers;
        this.addressed = addressed;
        this.cursors = cursors;
        this.rejected = rejected;
        this.counters = counters;
        this.catalogue = catalogue;
        this.keys = keys;
        this.decisions = decisions;
        this.node = node;
        this.clock = clock;
        this.conflicts = conflicts;
        this.practices = practices;
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
    public void apply(PulledItem pulled) {
        if (pulled instanceof PulledItem.Heartbeat) {
            return;
        }
        if (pulled instanceof PulledItem.Resync resync) {
            var before = position();
            conflicts.record(SyncConflicts.Kind.FEED_RESYNC, node.parent(), before.position(),
                    "The parent's feed no longer matches this node's cursor at position " + before.position()
                            + " (" + resync.reason() + "); re-reading the parent's feed from the start");
            write(new CursorRow(PARENT_CURSOR, 0, clock.instant(), null, null));
            return;
        }
        var item = (PulledItem.Item) pulled;
        long current = cursor();
        if (item.position() <= current) {
            return;
        }
        try {
            item.message().apply(clock.instant()).accept(new Applying(item)).ifPresent(reason -> reject(item, reason));
        } catch (PulledItem.UnknownType e) {
            reject(item, e.getMessage());
        } catch (IllegalArgumentException e) {
            reject(item, "unreadable item: " + e.getMessage());
        }
        write(new CursorRow(PARENT_CURSOR, item.position(), clock.instant(), item.incarnation(), item.digest()));
    }

    /** Applies one message here: one method per message type, each returning why it was refused, if it was. */
    private final class Applying implements Downward.Visitor<Optional<String>> {
        private final PulledItem.Item item;

        Applying(PulledItem.Item item) {
            this.item = item;
        }

        public Optional<String> entryPublished(Downward.EntryPublished m) {
            // Read before the catalogue's transaction begins: a refusal must not mark it rollback-only.
            var entry = EntrySummaries.entry(m.entry());
            catalogue.upsert(entry, EntrySummaries.translations(m.entry().details()),
                    EntrySummaries.relations(m.entry().details()));
            return Optional.empty();
        }

        public Optional<String> keyPublished(Downward.KeyPublished m) {
            return keys.received(m.sealedKey());
        }

        public Optional<String> decisionAddressed(Downward.DecisionAddressed m) {
            return decisions.received(m.address(), m.signedDecision(), item.position());
        }

        public Optional<String> practiceMarked(Downward.PracticeMarked m) {
            practices.received(PracticeMarks.mark(m.mark()));
            return Optional.empty();
        }

        public Optional<String> envelopeAddressed(Downward.EnvelopeAddressed m) {
            return addressed.fromParent(m.address(), m.sealedEnvelope());
        }

        public Optional<String> waiverAddressed(Downward.WaiverAddressed m) {
            return waivers.received(m.address(), m.signedWaiver(), item.position());
        }
    }

    private void reject(PulledItem.Item item, String reason) {
        LOG.warn("Feed item at position {} rejected: {}", item.position(), reason);
        rejected.save(new RejectedItemRow(counters.next("rejected"), "PARENT_FEED", item.position(),
                item.bodyType(), reason, clock.instant()));
    }

    private void write(CursorRow row) {
        if (cursors.existsById(PARENT_CURSOR)) {
            cursors.update(row);
        } else {
            cursors.save(row);
        }
    }
}
