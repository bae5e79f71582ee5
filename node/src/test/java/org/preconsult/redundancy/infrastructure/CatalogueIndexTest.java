package org.preconsult.redundancy.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.preconsult.redundancy.RedundancyFixture.entry;
import static org.preconsult.redundancy.RedundancyFixture.plan;

import java.nio.file.Path;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import java.time.Instant;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.SegmentInfos;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.preconsult.catalogue.model.CatalogueEntry;
import org.preconsult.catalogue.model.EntryKind;
import org.preconsult.catalogue.model.EntryStatus;
import org.preconsult.redundancy.RedundancyFixture;

class CatalogueIndexTest {

    private static final CatalogueEntry PERMITS = entry("permits-b", EntryKind.EXISTING_SYSTEM, "City of Brampton",
            "Building permit portal", "Residents apply online for building permits and book inspections.");

    private static boolean found(RedundancyFixture f) {
        return f.checking.check(plan("City of Ashford", "Building permit portal",
                "Residents apply online for building permits and book site inspections."), 10)
                .matches().stream().anyMatch(m -> m.entryId().equals("permits-b"));
    }

    @ParameterizedTest
    @EnumSource(value = EntryStatus.class, names = {"CANCELLED", "RETIRED", "RETURNED", "DEFERRED"})
    void nonCandidateVersion_leavesTheVeryNextCheck(EntryStatus status) {
        try (var f = new RedundancyFixture().withDistractors().with(PERMITS)) {
            assertTrue(found(f));
            f.with(PERMITS.withStatus(status, 2, Instant.now()));
            assertFalse(found(f), status + " entry must not be proposed any more");
        }
    }

    @Test
    void olderChangeArrivingLate_doesNotResurrectARetiredEntry() {
        try (var f = new RedundancyFixture().withDistractors()) {
            f.index.apply(PERMITS.withStatus(EntryStatus.RETIRED, 2, Instant.now()), 20);
            f.index.apply(PERMITS, 10);
            assertFalse(found(f));
        }
    }

    @Test
    void slices_splitSegmentsIntoBalancedGroups_andASmallIndexStaysOneSlice() {
        try (var index = CatalogueIndex.inMemory(new TextAnalysis(), 2)) {
            for (int i = 1; i <= 5; i++) {
                index.apply(entry("e" + i, EntryKind.PLAN, "X", "Entry " + i, "text " + i), i);
                index.size();
            }
            assertEquals(5, index.segmentSizes().size(), "one segment per change a search saw on its own");
            assertEquals(List.of(5), index.sliceSizes(), "below the minimum slice size the search stays sequential");
            var slices = index.withSearcher(s -> SlicedSearcherFactory.balancedSlices(s.getIndexReader().leaves(), 2));
            assertEquals(2, slices.length);
            assertEquals(5, slices[0].leaves.length + slices[1].leaves.length);
            assertEquals(1, Math.abs(slices[0].leaves.length - slices[1].leaves.length));
        }
    }

    @Test
    void burstOfChanges_isOneSegment_andTheNextSearchSeesAllOfIt() {
        try (var index = CatalogueIndex.inMemory(new TextAnalysis(), 1)) {
            for (int i = 1; i <= 500; i++) {
                index.apply(entry("e" + i, EntryKind.PLAN, "X", "Entry " + i, "text " + i), i);
            }
            assertEquals(500, index.size(), "a search after the burst sees every change");
            assertEquals(1, index.segmentSizes().size(), "one refresh for the whole burst, not one per change");
            assertEquals(500, index.watermark());
        }
    }

    @Test
    void indexOnDisk_commitsItsWritesWithinSeconds_withoutBeingClosed(@TempDir Path dir) throws Exception {
        try (var index = CatalogueIndex.onDisk(dir, new TextAnalysis())) {
            for (int i = 1; i <= 3; i++) {
                index.apply(entry("e" + i, EntryKind.PLAN, "X", "Entry " + i, "text " + i), i);
            }
            String committed = null;
            for (int wait = 0; wait < 100 && !"3".equals(committed); wait++) {
                Thread.sleep(100);
                try (var directory = FSDirectory.open(dir)) {
                    committed = DirectoryReader.indexExists(directory)
                            ? SegmentInfos.readLatestCommit(directory).getUserData().get("watermark") : null;
                }
            }
            assertEquals("3", committed, "a crash now would re-read nothing: the watermark is on disk");
        }
    }

    @Test
    void searchThreads_mustBeAtLeastOne() {
        assertThrows(IllegalArgumentException.class,
                () -> CatalogueIndex.inMemory(new TextAnalysis(), 0));
    }

    @Test
    void watermark_advancesOnlyOverContiguousChanges() {
        try (var f = new RedundancyFixture()) {
            f.index.apply(PERMITS, 1);
            f.index.apply(entry("b", EntryKind.PLAN, "X", "B", "b"), 3);
            assertEquals(1, f.index.watermark(), "change 2 has not arrived: re-read from 1 after a crash");
            f.index.apply(entry("c", EntryKind.PLAN, "X", "C", "c"), 2);
            assertEquals(3, f.index.watermark());
        }
    }

    @Test
    void watermark_survivesReopeningTheIndexOnDisk(@TempDir Path dir) {
        try (var index = CatalogueIndex.onDisk(dir, new TextAnalysis())) {
            assertFalse(index.existedAtOpen());
            index.apply(PERMITS, 1);
            index.applyRows(List.of(entry("b", EntryKind.PLAN, "X", "B", "b")), List.of(7L), true);
        }
        try (var index = CatalogueIndex.onDisk(dir, new TextAnalysis())) {
            assertTrue(index.existedAtOpen());
            assertEquals(7, index.watermark());
            assertEquals(2, index.size());
        }
    }

    @Test
    void indexOfAnOlderLayout_isDiscardedAtOpen_soThatTheNodeRebuildsIt(@TempDir Path dir) throws Exception {
        try (var writer = new IndexWriter(FSDirectory.open(dir), new IndexWriterConfig())) {
            Document old = new Document();
            old.add(new StringField(CatalogueIndex.ID, "permits-b", Field.Store.YES));
            old.add(new StoredField("profile", new BytesRef(new byte[] {1, 2, 3})));
            writer.addDocument(old);
            writer.setLiveCommitData(Map.of("watermark", "7", "format", "3").entrySet());
            writer.commit();
        }
        try (var index = CatalogueIndex.onDisk(dir, new TextAnalysis())) {
            assertFalse(index.existedAtOpen(), "an index of another layout must be rebuilt from the database");
            assertEquals(0, index.watermark());
            assertEquals(0, index.size());
            index.apply(PERMITS, 1);
        }
        try (var index = CatalogueIndex.onDisk(dir, new TextAnalysis())) {
            assertTrue(index.existedAtOpen(), "the current layout is kept");
            assertEquals(1, index.size());
        }
    }

    @Test
    void indexMadeWithAnotherGlossary_isDiscardedAtOpen_soThatOldTermsDoNotMissNewOnes(@TempDir Path dir) {
        try (var index = CatalogueIndex.onDisk(dir, TextAnalysis.withoutGlossary())) {
            index.apply(PERMITS, 1);
        }
        try (var index = CatalogueIndex.onDisk(dir, new TextAnalysis())) {
            assertFalse(index.existedAtOpen(), "keys made without the glossary would not meet the plan's");
            assertEquals(0, index.size());
        }
    }
}
