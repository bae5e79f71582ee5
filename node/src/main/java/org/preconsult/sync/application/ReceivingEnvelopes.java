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
import org.preconsult.federation.v1.EnvelopeAck;
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
    private final PlanRecords planRecords;

    public ReceivingEnvelopes(InboxRows inbox, SubtreeRows subtree, ReviewCases review, Catalogue catalogue,
                              Outbox outbox, TurnaroundReports turnaround, CaseConditions conditions,
                              NodeSettings node, Clock clock, PlanRecords planRecords) {
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

    /** Applies the envelope exactly once in effect and says how it was taken. */
    @Transactional
    public EnvelopeAck.Result receive(String sender, Envelope envelope) {
        var key = new InboxRow.Key(envelope.getOriginNode(), envelope.getSeq());
        if (inbox.existsById(key)) {
            return EnvelopeAck.Result.DUPLICATE;
        }
        Optional<String> refusal = refusal(sender, envelope);
        if (refusal.isPresent()) {
            LOG.warn("Rejected envelope ({}, {}) from {}: {}", envelope.getOriginNode(), envelope.getSeq(), sender, refusal.get());
            record(sender, envelope, EnvelopeAck.Result.REJECTED, refusal.get());
            return EnvelopeAck.Result.REJECTED;
        }
        Optional<String> refused = apply(envelope, FederationCodec.body(envelope));
        if (refused.isPresent()) {
            LOG.warn("Rejected envelope ({}, {}) from {}: {}", envelope.getOriginNode(), envelope.getSeq(), sender, refused.get());
            record(sender, envelope, EnvelopeAck.Result.REJECTED, refused.get());
            return EnvelopeAck.Result.REJECTED;
        }
        record(sender, envelope, EnvelopeAck.Result.ACCEPTED, null);
        return EnvelopeAck.Result.ACCEPTED;
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

    private void record(String sender, Envelope envelope, EnvelopeAck.Result result, String reason) {
        inbox.save(new InboxRow(new InboxRow.Key(envelope.getOriginNode(), envelope.getSeq()), sender,
                envelope.getBodyCase().name(), result.name(), reason, clock.instant()));
    }

    /** Makes sure a child that pulls receives what is addressed to itself. */
    @Transactional
    public void knowChild(String child) {
        if (!subtree.existsById(child)) {
            subtree.save(new SubtreeRow(child, child, clock.instant()));
        }
    }
}
