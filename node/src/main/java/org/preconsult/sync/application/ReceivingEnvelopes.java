package org.preconsult.sync.application;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;
import org.preconsult.catalogue.application.Catalogue;
import org.preconsult.catalogue.application.EntrySummaries;
import org.preconsult.federation.model.Upward;
import org.preconsult.lifecycle.application.PlanRecords;
import org.preconsult.lifecycle.application.RecordSummaries;
import org.preconsult.node.NodeSettings;
import org.preconsult.review.application.CaseConditions;
import org.preconsult.review.application.ReceivingPlans;
import org.preconsult.review.application.TurnaroundReports;
import org.preconsult.sync.infrastructure.InboxRow;
import org.preconsult.sync.infrastructure.SyncRepositories.InboxRows;
import org.preconsult.sync.infrastructure.SyncRepositories.SubtreeRows;
import org.preconsult.sync.infrastructure.SyncRows.SubtreeRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The idempotent inbox: applies one envelope pushed by a child, recording it in the transaction
 * of its effect. A duplicate is acknowledged and ignored; a bad envelope is recorded as rejected
 * with its reason and acknowledged, so it never blocks the stream behind it.
 */
@Singleton
public class ReceivingEnvelopes {

    private static final Logger LOG = LoggerFactory.getLogger(ReceivingEnvelopes.class);

    private final InboxRows inbox;
    private final SubtreeRows subtree;
    private final ReceivingPlans review;
    private final Catalogue catalogue;
    private final Outbox outbox;
    private final TurnaroundReports turnaround;
    private final CaseConditions conditions;
    private final NodeSettings node;
    private final Clock clock;
    private final SyncConflicts conflicts;
    private final PlanRecords planRecords;
    private final AddressedEnvelopes addressed;

    public ReceivingEnvelopes(InboxRows inbox, SubtreeRows subtree, ReceivingPlans review, Catalogue catalogue,
                              Outbox outbox, TurnaroundReports turnaround, CaseConditions conditions,
                              NodeSettings node, Clock clock, SyncConflicts conflicts, PlanRecords planRecords,
                              AddressedEnvelopes addressed) {
        this.addressed = addressed;
        this.conflicts = conflicts;
        this.planRecords = planRecords;
        this.inbox = inbox;
        this.subtree = subtree;
        this.review = review;
        this.catalogue = catalogue;
        this.outbox = outbox;
        this.turnaround = turnaround;
        this.conditions = conditions;
        this.node = node;
        this.clock = clock;
    }

    /**
     * Applies the envelope exactly once in effect and says how it was taken. The same (origin, seq)
     * with the same bytes is a duplicate; with other bytes it is a conflict (the origin's numbers
     * went back), recorded for the operator and never taken for a duplicate.
     */
    @Transactional
    public Receipt receive(String sender, WireEnvelope envelope, Supplier<Upward> decode) {
        var key = new InboxRow.Key(envelope.originNode(), envelope.seq());
        String digest = envelope.digest();
        var seen = inbox.findById(key);
        if (seen.isPresent()) {
            var earlier = seen.get();
            if (earlier.digest() == null || earlier.digest().equals(digest)) {
                return Receipt.DUPLICATE;
            }
            String reason = "seq " + envelope.seq() + " of " + envelope.originNode() + " was received before with other content"
                    + " (incarnation " + earlier.originIncarnation() + ", now " + blankAsUnknown(envelope.incarnation())
                    + "); announce it again with a higher seq";
            conflicts.record(SyncConflicts.Kind.SEQ_REUSED, envelope.originNode(), envelope.seq(), reason);
            return new Receipt.Conflict(reason, inbox.highestSeq(envelope.originNode()));
        }
        Optional<String> refusal = Optional.empty();
        Upward body = null;
        if (envelope.originNode().isBlank() || envelope.seq() <= 0) {
            refusal = Optional.of("origin_node and a positive seq are required");
        } else {
            try {
                body = decode.get();
            } catch (RuntimeException e) {
                refusal = Optional.of("unreadable body: " + e.getMessage());
            }
        }
        if (refusal.isEmpty()) {
            refusal = refusal(sender, envelope, body);
        }
        if (refusal.isEmpty()) {
            learnRoutes(sender, envelope.originNode(), body.ownerNode());
            refusal = body.accept(new Applying(envelope, body));
        }
        if (refusal.isPresent()) {
            LOG.warn("Rejected envelope ({}, {}) from {}: {}", envelope.originNode(), envelope.seq(), sender, refusal.get());
            record(sender, envelope, "REJECTED", refusal.get(), digest);
            return new Receipt.Rejected(refusal.get());
        }
        record(sender, envelope, "ACCEPTED", null, digest);
        return Receipt.ACCEPTED;
    }

    private static String blankAsUnknown(String text) {
        return text == null || text.isBlank() ? "unknown" : text;
    }

    /** The highest seq of an origin this node holds: a child never takes a number at or below it again. */
    @Transactional(readOnly = true)
    public long highestSeq(String originNode) {
        return inbox.highestSeq(originNode);
    }

    /** Why the envelope must not be applied, if it must not: a check that changes nothing. */
    private Optional<String> refusal(String sender, WireEnvelope envelope, Upward body) {
        var unreadable = body.accept(new Readability());
        if (unreadable.isPresent()) {
            return unreadable;
        }
        if (body.aboutOwnRecord() && !body.ownerNode().equals(envelope.originNode())) {
            return Optional.of("the record's owner " + body.ownerNode() + " is not the envelope's origin "
                    + envelope.originNode());
        }
        // Both the origin and the owner of what the envelope is about must lie in the sender's subtree.
        for (String node : new String[] {envelope.originNode(), body.ownerNode()}) {
            var route = subtree.findById(node);
            if (route.isPresent() && !route.get().viaChild().equals(sender)) {
                return Optional.of(node + " belongs to the subtree of " + route.get().viaChild() + ", not of " + sender);
            }
        }
        return Optional.empty();
    }

    /** Remembers that the origin and the owner lie below the sender, where not known yet. */
    private void learnRoutes(String sender, String originNode, String ownerNode) {
        for (String node : new String[] {originNode, ownerNode}) {
            if (!subtree.existsById(node)) {
                subtree.save(new SubtreeRow(node, sender, clock.instant()));
            }
        }
    }

    /** Why a body that decoded cannot be read into this node's own types, if it cannot. */
    private static final class Readability implements Upward.Visitor<Optional<String>> {
        public Optional<String> planSubmitted(Upward.PlanSubmitted m) {
            return Optional.empty();
        }

        public Optional<String> systemRegistered(Upward.SystemRegistered m) {
            return EntrySummaries.systemRefusal(m.system());
        }

        public Optional<String> reviewForwarded(Upward.ReviewForwarded m) {
            return Optional.empty();
        }

        public Optional<String> entryAnnounced(Upward.EntryAnnounced m) {
            return unreadable(() -> {
                EntrySummaries.entry(m.entry());
                EntrySummaries.relations(m.entry().details());
            });
        }

        public Optional<String> decisionReported(Upward.DecisionReported m) {
            return Optional.empty();
        }

        public Optional<String> conditionUpdated(Upward.ConditionUpdated m) {
            return Optional.empty();
        }

        public Optional<String> planRecordChanged(Upward.PlanRecordChanged m) {
            return unreadable(() -> RecordSummaries.record(m.record()));
        }

        public Optional<String> adoptionSent(Upward.AdoptionSent m) {
            return m.message().malformation();
        }

        private static Optional<String> unreadable(Runnable read) {
            try {
                read.run();
                return Optional.empty();
            } catch (RuntimeException e) {
                return Optional.of("unreadable body: " + e.getMessage());
            }
        }
    }

    /**
     * Applies the effect here, and passes on upward what belongs further up: one method per
     * message type, each saying where the message goes at this node.
     */
    private final class Applying implements Upward.Visitor<Optional<String>> {
        private final WireEnvelope envelope;
        private final Upward body;

        Applying(WireEnvelope envelope, Upward body) {
            this.envelope = envelope;
            this.body = body;
        }

        public Optional<String> planSubmitted(Upward.PlanSubmitted p) {
            review.receive(p.plan(), null);
            return Optional.empty();
        }

        public Optional<String> reviewForwarded(Upward.ReviewForwarded f) {
            // Review decides whether the plan is reviewed here (at the top) or goes on up unchanged.
            if (!review.forwardedFromBelow(f.plan(), f.review())) {
                outbox.relay(envelope, body);
            }
            return Optional.empty();
        }

        public Optional<String> systemRegistered(Upward.SystemRegistered s) {
            catalogue.upsert(EntrySummaries.systemEntry(s.system(), clock.instant()),
                    EntrySummaries.translations(s.system().details()), EntrySummaries.relations(s.system().details()));
            return relayed();
        }

        public Optional<String> entryAnnounced(Upward.EntryAnnounced e) {
            // Read before the catalogue's transaction begins: a refusal must not mark it rollback-only.
            var entry = EntrySummaries.entry(e.entry());
            catalogue.upsert(entry, EntrySummaries.translations(e.entry().details()),
                    EntrySummaries.relations(e.entry().details()));
            return relayed();
        }

        public Optional<String> decisionReported(Upward.DecisionReported d) {
            turnaround.reported(d.report());
            return relayed();
        }

        public Optional<String> conditionUpdated(Upward.ConditionUpdated c) {
            if (c.update().decidingNode().equals(node.id())) {
                return conditions.applyUpdate(c.update());
            }
            return relayed();
        }

        public Optional<String> planRecordChanged(Upward.PlanRecordChanged r) {
            planRecords.received(RecordSummaries.record(r.record()));
            return relayed();
        }

        /** Applied here, passed down toward its addressee, or up toward their common ancestor. */
        public Optional<String> adoptionSent(Upward.AdoptionSent a) {
            return addressed.fromChild(envelope, a.message());
        }

        private Optional<String> relayed() {
            outbox.relay(envelope, body);
            return Optional.empty();
        }
    }

    private void record(String sender, WireEnvelope envelope, String result, String reason, String digest) {
        String incarnation = envelope.incarnation().isBlank() ? null : envelope.incarnation();
        inbox.save(new InboxRow(new InboxRow.Key(envelope.originNode(), envelope.seq()), sender,
                envelope.bodyType(), result, reason == null || reason.length() <= 1000 ? reason : reason.substring(0, 1000),
                clock.instant(), incarnation == null || incarnation.length() > 64 ? null : incarnation, digest));
    }

    /** Makes sure a child that pulls receives what is addressed to itself. */
    @Transactional
    public void knowChild(String child) {
        if (!subtree.existsById(child)) {
            subtree.save(new SubtreeRow(child, child, clock.instant()));
        }
    }
}
