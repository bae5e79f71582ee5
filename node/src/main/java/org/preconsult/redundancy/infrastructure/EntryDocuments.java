package org.preconsult.redundancy.infrastructure;

import static org.preconsult.redundancy.infrastructure.CatalogueIndex.CHANGE_SEQ;
import static org.preconsult.redundancy.infrastructure.CatalogueIndex.FUNCTION_CODE;
import static org.preconsult.redundancy.infrastructure.CatalogueIndex.ID;
import static org.preconsult.redundancy.infrastructure.CatalogueIndex.OWNER_KEY;
import static org.preconsult.redundancy.infrastructure.CatalogueIndex.PROFILE;
import static org.preconsult.redundancy.infrastructure.CatalogueIndex.TOMBSTONE;

import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexOptions;
import org.preconsult.catalogue.model.CatalogueEntry;

/**
 * Builds the Lucene document of a catalogue entry: its searchable fields and its profile for a
 * candidate, a tombstone (id and change sequence only) for any other entry.
 */
final class EntryDocuments {

    /** Neutral keys and language text: frequencies for BM25, no positions (no phrase queries). */
    private static final FieldType TERMS_WITH_FREQS = termsWithFreqs();

    private final TextAnalysis analysis;
    private final LanguageDetector detector;

    EntryDocuments(TextAnalysis analysis, LanguageDetector detector) {
        this.analysis = analysis;
        this.detector = detector;
    }

    /** The document of the entry at this change: searchable when it is a candidate, else a tombstone. */
    Document of(CatalogueEntry entry, long changeSeq) {
        return entry.isCandidate() ? candidate(entry, changeSeq) : tombstone(entry.id(), changeSeq);
    }

    private static Document tombstone(String entryId, long changeSeq) {
        Document doc = new Document();
        doc.add(new StringField(ID, entryId, Field.Store.YES));
        doc.add(new StringField(TOMBSTONE, "T", Field.Store.NO));
        doc.add(new StoredField(CHANGE_SEQ, changeSeq));
        return doc;
    }

    private Document candidate(CatalogueEntry entry, long changeSeq) {
        String name = entry.name() == null ? "" : entry.name();
        String description = entry.description() == null ? "" : entry.description();
        String language = language(entry, name, description);
        String ownerKey = entry.owner() == null ? null : TextAnalysis.ownerKey(entry.owner());
        String functionCode = entry.functionCode() == null || entry.functionCode().isBlank() ? null
                : TextAnalysis.fold(entry.functionCode());
        String text = TextAnalysis.fullText(name, description, entry.functions());
        // The neutral keys are analyzed once: they feed the two key fields and the profile.
        EntryProfile profile = EntryProfile.analyze(analysis, new EntryProfile.Facts(entry.id(), entry.kind().name(),
                entry.owner(), ownerKey, language, functionCode, name), description, entry.functions(), text);
        Document doc = new Document();
        doc.add(new StringField(ID, entry.id(), Field.Store.YES));
        doc.add(new StoredField(CHANGE_SEQ, changeSeq));
        doc.add(new BinaryDocValuesField(PROFILE, profile.encode()));
        if (ownerKey != null) {
            doc.add(new StringField(OWNER_KEY, ownerKey, Field.Store.NO));
        }
        if (functionCode != null) {
            doc.add(new StringField(FUNCTION_CODE, functionCode, Field.Store.NO));
        }
        doc.add(new Field(TextAnalysis.TITLE_KEYS, TextAnalysis.keyTokens(profile.name.counts()), TERMS_WITH_FREQS));
        doc.add(new Field(TextAnalysis.KEYS, TextAnalysis.keyTokens(profile.allKeys()), TERMS_WITH_FREQS));
        if (analysis.hasLanguageField(language)) {
            doc.add(new Field(TextAnalysis.TEXT_PREFIX + language, text, TERMS_WITH_FREQS));
        }
        for (String entity : profile.entities.keySet()) {
            doc.add(new StringField(TextAnalysis.ENTITIES, entity, Field.Store.NO));
        }
        return doc;
    }

    /** The declared language when analyzed here, else detected (the text is only built when needed). */
    private String language(CatalogueEntry entry, String name, String description) {
        String declared = LanguageDetector.normalize(entry.language());
        return declared != null && LanguageDetector.ANALYZED.contains(declared)
                ? declared
                : detector.detect(name + " " + description);
    }

    private static FieldType termsWithFreqs() {
        FieldType type = new FieldType();
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
        type.setTokenized(true);
        type.setStored(false);
        type.freeze();
        return type;
    }
}
