package org.preconsult.sync.application;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Optional;
import org.preconsult.catalogue.application.Catalogue;
import org.preconsult.catalogue.model.CatalogueEntry;
import org.preconsult.catalogue.model.EntryKind;
import org.preconsult.catalogue.model.EntryStatus;
import org.preconsult.federation.model.SystemSummary;
import org.preconsult.federation.model.Upward;
import org.preconsult.federation.v1.Envelope;
import org.preconsult.lifecycle.application.PlanRecords;
import org.preconsult.node.NodeRole;
import org.preconsult.node.NodeSettings;
import org.preconsult.review.application.CaseConditions;
import org.preconsult.review.application.ReviewCases;
import org.preconsult.review.application.TurnaroundReports;
import org.preconsult.sync.infrastructure.FederationCodec;
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
    private final ReviewCases review;
    private final Catalogue catalogue;
    private final Outbox outbox;
    private final TurnaroundReports turnaround;
    private final CaseConditions conditions;
    private final NodeSettings node;
    private final Clock clock;
    private final SyncConflicts conflicts;
    private final PlanRecords planRecords;
    private final org.preconsult.adoption.infrastructure.AdoptionRoute adoptions;

    public ReceivingEnvelopes(InboxRows inbox, SubtreeRows subtree, ReviewCases review, Catalogue catalogue,
                              Outbox outbox, TurnaroundReports turnaround, CaseConditions conditions,
                              NodeSettings node, Clock clock, SyncConflicts conflicts, PlanRecords planRecords,
                              org.preconsult.adoption.infrastructure.AdoptionRoute adoptions) {
        this.adoptions = adoptions;
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
    public Receipt receive(String sender, Envelope envelope) {
        var key = new InboxRow.Key(envelope.getOriginNode(), envelope.getSeq());
        // The origin's seal is not content: a re-sent envelope is sealed again (ECDSA signatures differ).
        String digest = Digests.sha256(envelope.toBuilder().clearOriginChain().clearOriginSignature().build().toByteArray());
        var seen = inbox.findById(key);
        if (seen.isPresent()) {
            var earlier = seen.get();
            if (earlier.digest() == null || earlier.digest().equals(digest)) {
                return Receipt.DUPLICATE;
            }
            String reason = "seq " + envelope.getSeq() + " of " + envelope.getOriginNode() + " was received before with other content"
                    + " (incarnation " + earlier.originIncarnation() + ", now " + blankAsUnknown(envelope.getOriginIncarnation())
                    + "); announce it again with a higher seq";
            conflicts.record(SyncConflicts.Kind.SEQ_REUSED, envelope.getOriginNode(), envelope.getSeq(), reason);
            return new Receipt.Conflict(reason, inbox.highestSeq(envelope.getOriginNode()));
        }
        Optional<String> refusal = refusal(sender, envelope);
        if (refusal.isEmpty()) {
            refusal = apply(envelope, FederationCodec.body(envelope));
        }
        if (refusal.isPresent()) {
            LOG.warn("Rejected envelope ({}, {}) from {}: {}", envelope.getOriginNode(), envelope.getSeq(), sender, refusal.get());
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

    /** Why the envelope must not be applied, if it must not. */
    private Optional<String> refusal(String sender, Envelope envelope) {
        if (envelope.getOriginNode().isBlank() || envelope.getSeq() <= 0) {
            return Optional.of("origin_node and a positive seq are required");
        }
        Upward body;
        try {
            body = FederationCodec.body(envelope);
        } catch (RuntimeException e) {
            return Optional.of("unreadable body: " + e.getMessage());
        }
        if (body instanceof Upward.SystemRegistered s && !isStatus(s.system().status())) {
            return Optional.of("unknown system status " + s.system().status());
        }
        boolean ownRecord = body instanceof Upward.PlanSubmitted || body instanceof Upward.SystemRegistered
                || body instanceof Upward.PlanRecordChanged;
        if (ownRecord && !body.ownerNode().equals(envelope.getOriginNode())) {
            return Optional.of("the record's owner " + body.ownerNode() + " is not the envelope's origin "
                    + envelope.getOriginNode());
        }
        // Both the origin and the owner of what the envelope is about must lie in the sender's subtree.
        for (String node : new String[] {envelope.getOriginNode(), body.ownerNode()}) {
            var route = subtree.findById(node);
            if (route.isPresent() && !route.get().viaChild().equals(sender)) {
                return Optional.of(node + " belongs to the subtree of " + route.get().viaChild() + ", not of " + sender);
            }
        }
        for (String node : new String[] {envelope.getOriginNode(), body.ownerNode()}) {
            if (!subtree.existsById(node)) {
                subtree.save(new SubtreeRow(node, sender, clock.instant()));
            }
        }
        return Optional.empty();
    }

    private static boolean isStatus(String status) {
        try {
            EntryStatus.valueOf(status);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Applies the effect here, and passes on upward what belongs further up. */
    private Optional<String> apply(Envelope envelope, Upward body) {
        if (body instanceof Upward.PlanSubmitted p) {
            review.receive(p.plan(), null);
        } else if (body instanceof Upward.ReviewForwarded f) {
            if (node.role() == NodeRole.CENTRAL || !node.hasParent()) {
                review.receive(f.plan(), f.review());
            } else {
                outbox.relay(envelope);
            }
        } else if (body instanceof Upward.SystemRegistered s) {
            catalogue.upsert(systemEntry(s.system(), clock));
            outbox.relay(envelope);
        } else if (body instanceof Upward.EntryAnnounced e) {
            catalogue.upsert(e.entry());
            outbox.relay(envelope);
        } else if (body instanceof Upward.DecisionReported d) {
            turnaround.reported(d.report());
            outbox.relay(envelope);
        } else if (body instanceof Upward.ConditionUpdated c) {
            if (c.update().decidingNode().equals(node.id())) {
                return conditions.applyUpdate(c.update());
            }
            outbox.relay(envelope);
        } else if (body instanceof Upward.PlanRecordChanged r) {
            planRecords.received(r.record());
            outbox.relay(envelope);
        } else if (body instanceof Upward.AdoptionSent) {
            return adoptions.fromChild(envelope);
        }
        return Optional.empty();
    }

    /** The catalogue entry of a registered system: the same id at every node. */
    public static CatalogueEntry systemEntry(SystemSummary s, Clock clock) {
        return new CatalogueEntry(systemEntryId(s.ownerNode(), s.systemId()), EntryKind.EXISTING_SYSTEM, s.ownerName(),
                s.name(), s.description(), s.functions(), s.functionCode(), s.language(),
                EntryStatus.valueOf(s.status()), null, s.ownerNode(), s.version(), clock.instant());
    }

    public static String systemEntryId(String ownerNode, String systemId) {
        return ownerNode + ":system:" + systemId;
    }

    private void record(String sender, Envelope envelope, String result, String reason, String digest) {
        String incarnation = envelope.getOriginIncarnation().isBlank() ? null : envelope.getOriginIncarnation();
        inbox.save(new InboxRow(new InboxRow.Key(envelope.getOriginNode(), envelope.getSeq()), sender,
                envelope.getBodyCase().name(), result, reason == null || reason.length() <= 1000 ? reason : reason.substring(0, 1000),
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
