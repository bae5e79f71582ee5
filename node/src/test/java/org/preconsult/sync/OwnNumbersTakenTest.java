package org.preconsult.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.data.model.Pageable;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.preconsult.catalogue.application.EntrySummaries;
import org.preconsult.catalogue.model.CatalogueEntry;
import org.preconsult.catalogue.model.EntryKind;
import org.preconsult.catalogue.model.EntryStatus;
import org.preconsult.federation.model.Upward;
import org.preconsult.federation.v1.Envelope;
import org.preconsult.sync.application.Acknowledgements;
import org.preconsult.sync.application.Incarnation;
import org.preconsult.sync.application.Outbox;
import org.preconsult.sync.application.Receipt;
import org.preconsult.sync.application.SyncConflicts;
import org.preconsult.sync.infrastructure.SyncRepositories.OutboxRows;
import org.preconsult.testing.NodeFixture;

/**
 * The child's side of a reused number: when the parent answers CONFLICT to one of this node's own
 * envelopes, the node starts a new incarnation and renumbers what it still owes above the parent's
 * highest seq, keeping content and order; a refused envelope leaves the outbox with its reason kept.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OwnNumbersTakenTest implements TestPropertyProvider {

    @Inject
    Outbox outbox;
    @Inject
    OutboxRows rows;
    @Inject
    Acknowledgements acknowledgements;
    @Inject
    Incarnation incarnation;
    @Inject
    SyncConflicts conflicts;
    @Inject
    TransactionOperations<Connection> tx;
    @Inject
    org.preconsult.sync.infrastructure.SyncRepositories.RejectedItemRows rejected;

    @Override
    public Map<String, String> getProperties() {
        var props = new HashMap<>(NodeFixture.nodeProperties());
        props.put("preconsult.node.role", "LOCAL");
        // A parent that never answers: the outbox keeps what the test appends.
        props.put("preconsult.node.parent", "localhost:1");
        return props;
    }

    private void announce(String name) {
        tx.executeWrite(status -> {
            outbox.announce(new Upward.EntryAnnounced(EntrySummaries.of(new CatalogueEntry("test-node:system:" + name, EntryKind.EXISTING_SYSTEM,
                    "City", name, "Keeps records.", List.of("records"), null, "en", EntryStatus.OPERATING, null,
                    "test-node", 1, Instant.now()))));
            return null;
        });
    }

    private static Envelope parse(byte[] payload) {
        try {
            return Envelope.parseFrom(payload);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void parentHoldsOurNumbersWithOtherContent_weRenumberAboveThemUnderANewIncarnation() {
        announce("first-" + System.nanoTime());
        announce("second-" + System.nanoTime());
        var owed = rows.findByPositionGreaterThanOrderByPosition(0, Pageable.from(0, 100));
        assertEquals(2, owed.size());
        String before = incarnation.current();
        long conflictsBefore = conflicts.count();
        var first = owed.get(0);
        List<Acknowledgements.Pushed> pushed = List.of(new Acknowledgements.Pushed(first.position(), first.originNode(),
                first.originSeq(), first.bodyType(), null));

        acknowledgements.settle(pushed, List.of(new Receipt.Conflict("seq taken by other content", 500)));

        var after = rows.findByPositionGreaterThanOrderByPosition(0, Pageable.from(0, 100));
        assertEquals(List.of(owed.get(0).position(), owed.get(1).position()), after.stream().map(r -> r.position()).toList(),
                "both envelopes are still owed, in their order");
        assertTrue(after.get(0).originSeq() > 500 && after.get(1).originSeq() > after.get(0).originSeq(),
                "renumbered above the parent's highest seq, in order: " + after);
        assertNotEquals(before, incarnation.current());
        assertEquals(incarnation.current(), parse(after.get(0).payload()).getOriginIncarnation());
        assertEquals(parse(owed.get(1).payload()).getCatalogueEntryAnnounced(), parse(after.get(1).payload()).getCatalogueEntryAnnounced(),
                "the content is unchanged");
        assertEquals(conflictsBefore + 1, conflicts.count());
    }

    @Test
    void parentRefusesAnEnvelope_itLeavesTheOutbox_andTheReasonIsKept() {
        rows.deleteAll();
        announce("refused-" + System.nanoTime());
        var row = rows.findByPositionGreaterThanOrderByPosition(0, Pageable.from(0, 100)).get(0);
        acknowledgements.settle(List.of(new Acknowledgements.Pushed(row.position(), row.originNode(), row.originSeq(),
                row.bodyType(), null)), List.of(new Receipt.Rejected("too large for the parent")));
        assertEquals(0, rows.count());
        assertTrue(rejected.findAll().stream().anyMatch(r -> r.source().equals("PUSH") && r.reason().contains("too large for the parent")),
                "the parent's reason is kept for the operator");
    }
}
