package org.preconsult.practice.application;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.preconsult.audit.application.AuditTrail;
import org.preconsult.audit.application.CurrentActor;
import org.preconsult.catalogue.application.BestPracticeMarks;
import org.preconsult.catalogue.application.Catalogue;
import org.preconsult.catalogue.model.CatalogueEntry;
import org.preconsult.catalogue.model.PracticeMark;
import org.preconsult.node.NodeRole;
import org.preconsult.node.NodeSettings;
import org.preconsult.practice.infrastructure.BestPracticeMarkRow;
import org.preconsult.practice.model.BestPracticeMark;
import org.preconsult.practice.model.Marking;
import org.preconsult.federation.application.Downstream;

/**
 * Best-practice marks at this node: its own (at a province or central), written with the feed
 * item that carries them down in one transaction, and those received from above. The only writer
 * of {@code best_practice_mark}. A received mark replaces the stored one only when newer, and a
 * node with children passes it on, so central's marks reach every node and a province's marks
 * its subtree. It answers the catalogue's {@link BestPracticeMarks} port, through which the
 * catalogue search and the redundancy check filter and rank by the marks.
 */
@Singleton
public class BestPractices implements BestPracticeMarks {

    /** A marked catalogue entry with the marks it has; entries marked by more nodes come first. */
    public record MarkedEntry(CatalogueEntry entry, List<BestPracticeMark> marks) {
    }

    private final BestPracticeMarkRow.Rows rows;
    private final Catalogue catalogue;
    private final Downstream feed;
    private final NodeSettings node;
    private final AuditTrail audit;
    private final CurrentActor actor;
    private final Clock clock;

    public BestPractices(BestPracticeMarkRow.Rows rows, Catalogue catalogue, Downstream feed, NodeSettings node,
                         AuditTrail audit, CurrentActor actor, Clock clock) {
        this.rows = rows;
        this.catalogue = catalogue;
        this.feed = feed;
        this.node = node;
        this.audit = audit;
        this.actor = actor;
        this.clock = clock;
    }

    /** Marks an entry of this node's catalogue as best practice, for this node's subtree. */
    @Transactional
    public Marking.Result mark(String entryId, String reason) {
        var entry = catalogue.find(entryId);
        if (entry.isEmpty()) {
            return new Marking.NoSuchEntry(entryId);
        }
        var previous = own(entryId);
        var result = Marking.mark(entryId, reason, node.hasChildren(), entry.get().isCandidate(), previous,
                node.id(), node.name(), clock.instant());
        apply(result, previous, "MARKED_BEST_PRACTICE");
        return result;
    }

    /** Takes back this node's mark of an entry. */
    @Transactional
    public Marking.Result withdraw(String entryId) {
        var previous = own(entryId);
        var result = Marking.withdraw(entryId, previous, clock.instant());
        apply(result, previous, "BEST_PRACTICE_WITHDRAWN");
        return result;
    }

    private void apply(Marking.Result result, BestPracticeMark previous, String action) {
        if (result instanceof Marking.Marked marked) {
            store(marked.mark());
            feed.broadcast(PracticeMarks.of(marked.mark()));
            audit.record(actor.current(), "CATALOGUE_ENTRY", marked.mark().entryId(), action,
                    previous == null ? null : view(previous), view(marked.mark()));
        }
    }

    /** Applies a mark pulled from the parent's feed (in the feed's transaction) and passes it on. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void received(BestPracticeMark mark) {
        var key = new BestPracticeMarkRow.Key(mark.entryId(), mark.markingNode());
        var existing = rows.findById(key);
        if (existing.isPresent() && existing.get().version() >= mark.version()) {
            return;
        }
        store(mark);
        if (node.hasChildren()) {
            feed.broadcast(PracticeMarks.of(mark));
        }
        audit.record(CurrentActor.federation(mark.markingNode()), "CATALOGUE_ENTRY", mark.entryId(),
                mark.withdrawn() ? "BEST_PRACTICE_WITHDRAWN" : "MARKED_BEST_PRACTICE", null, view(mark));
    }

    /**
     * Entries marked as best practice here (by this node or a node above), whose name, owner or
     * description contains the text (null: all); entries that no longer count are left out.
     */
    @Transactional(readOnly = true)
    public List<MarkedEntry> marked(String text) {
        Map<String, List<BestPracticeMark>> byEntry = new LinkedHashMap<>();
        for (var row : rows.findByWithdrawnFalse()) {
            byEntry.computeIfAbsent(row.key().entryId(), k -> new ArrayList<>()).add(toMark(row));
        }
        String needle = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        List<MarkedEntry> found = new ArrayList<>();
        byEntry.forEach((id, marks) -> catalogue.find(id)
                .filter(CatalogueEntry::isCandidate)
                .filter(e -> needle.isEmpty() || contains(e, needle))
                .ifPresent(e -> found.add(new MarkedEntry(e, marks))));
        found.sort(Comparator.comparing((MarkedEntry m) -> -m.marks().size()).thenComparing(m -> m.entry().name()));
        return found;
    }

    @Override
    @Transactional(readOnly = true)
    public Set<String> markedEntryIds() {
        Set<String> ids = new HashSet<>();
        rows.findByWithdrawnFalse().forEach(r -> ids.add(r.key().entryId()));
        return ids;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, List<PracticeMark>> marksOf(Collection<String> entryIds) {
        if (entryIds.isEmpty()) {
            return Map.of();
        }
        Set<String> wanted = new HashSet<>(entryIds);
        Map<String, List<PracticeMark>> marks = new TreeMap<>();
        for (var r : rows.findByWithdrawnFalse()) {
            if (wanted.contains(r.key().entryId())) {
                marks.computeIfAbsent(r.key().entryId(), k -> new ArrayList<>())
                        .add(new PracticeMark(r.key().markingNode(), r.markingName(), r.reason()));
            }
        }
        return marks;
    }

    private static boolean contains(CatalogueEntry e, String needle) {
        return (e.name() + "\n" + (e.owner() == null ? "" : e.owner()) + "\n" + e.description())
                .toLowerCase(Locale.ROOT).contains(needle);
    }

    private BestPracticeMark own(String entryId) {
        return rows.findById(new BestPracticeMarkRow.Key(entryId, node.id())).map(BestPractices::toMark).orElse(null);
    }

    private void store(BestPracticeMark m) {
        var row = new BestPracticeMarkRow(new BestPracticeMarkRow.Key(m.entryId(), m.markingNode()), m.markingName(),
                m.reason(), m.markedAt(), m.withdrawn(), m.version());
        if (rows.existsById(row.key())) {
            rows.update(row);
        } else {
            rows.save(row);
        }
    }

    private static BestPracticeMark toMark(BestPracticeMarkRow r) {
        return new BestPracticeMark(r.key().entryId(), r.key().markingNode(), r.markingName(), r.reason(), r.markedAt(),
                r.withdrawn(), r.version());
    }

    private static Map<String, Object> view(BestPracticeMark m) {
        return Map.of("markingNode", m.markingNode(), "withdrawn", m.withdrawn(), "version", m.version());
    }
}
