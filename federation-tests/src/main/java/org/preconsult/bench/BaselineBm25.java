package org.preconsult.bench;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.QueryBuilder;
import org.preconsult.catalogue.model.CatalogueEntry;
import org.preconsult.redundancy.model.PlanDraft;

/**
 * The plain baseline: Lucene defaults (BM25 and {@link StandardAnalyzer}, what an
 * {@code IndexWriterConfig} uses when given no analyzer) over name + description, every query word
 * a SHOULD clause on both fields, no pruning, no rescoring, no rules.
 */
public final class BaselineBm25 implements Closeable {

    private final Analyzer analyzer = new StandardAnalyzer();
    private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
    private final IndexSearcher searcher;
    private final DirectoryReader reader;

    public BaselineBm25(List<CatalogueEntry> entries) {
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer).setRAMBufferSizeMB(256))) {
            for (CatalogueEntry e : entries) {
                Document d = new Document();
                d.add(new StringField("id", e.id(), Field.Store.YES));
                d.add(new TextField("name", e.name(), Field.Store.NO));
                d.add(new TextField("description", e.description(), Field.Store.NO));
                writer.addDocument(d);
            }
            writer.commit();
            reader = DirectoryReader.open(directory);
            searcher = new IndexSearcher(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The baseline query of a plan: its title and description over both fields. */
    public static Query query(Analyzer analyzer, PlanDraft plan) {
        String text = (plan.title() == null ? "" : plan.title()) + " " + (plan.description() == null ? "" : plan.description());
        QueryBuilder builder = new QueryBuilder(analyzer);
        BooleanQuery.Builder q = new BooleanQuery.Builder();
        for (String field : new String[] {"name", "description"}) {
            Query part = builder.createBooleanQuery(field, text);
            if (part != null) {
                q.add(part, BooleanClause.Occur.SHOULD);
            }
        }
        return q.build();
    }

    /** Ids of the top {@code k} entries. */
    public List<String> search(PlanDraft plan, int k) {
        try {
            List<String> ids = new ArrayList<>();
            for (ScoreDoc hit : searcher.search(query(analyzer, plan), k).scoreDocs) {
                ids.add(searcher.storedFields().document(hit.doc).get("id"));
            }
            return ids;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        reader.close();
        directory.close();
    }
}
