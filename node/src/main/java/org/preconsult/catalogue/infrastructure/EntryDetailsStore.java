package org.preconsult.catalogue.infrastructure;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.preconsult.catalogue.model.Relation;
import org.preconsult.catalogue.model.RelationType;
import org.preconsult.catalogue.model.Translation;
import org.preconsult.common.infrastructure.TextLists;

/**
 * Stores the translations and relations of catalogue entries ({@code catalogue_translation},
 * {@code catalogue_relation}). Plain SQL rather than Micronaut Data repositories because both
 * tables have composite keys and are only ever replaced or read as a whole per entry.
 */
@Singleton
public class EntryDetailsStore {

    private final JdbcOperations jdbc;

    public EntryDetailsStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Replaces every translation of the entry; must run in the transaction that writes the entry. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void replaceTranslations(String entryId, List<Translation> translations) {
        execute("DELETE FROM catalogue_translation WHERE entry_id = ?", delete -> {
            delete.setString(1, entryId);
            delete.executeUpdate();
        });
        if (translations.isEmpty()) {
            return;
        }
        execute("INSERT INTO catalogue_translation (entry_id, language, name, description, functions) VALUES (?, ?, ?, ?, ?)",
                insert -> {
                    for (Translation t : translations) {
                        insert.setString(1, entryId);
                        insert.setString(2, t.language());
                        insert.setString(3, t.name());
                        insert.setString(4, t.description());
                        insert.setString(5, TextLists.join(t.functions()));
                        insert.addBatch();
                    }
                    insert.executeBatch();
                });
    }

    /** Adds one relation to the entry, after those it has, unless the entry has it already (an adoption's "used by"). */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void addRelation(String entryId, Relation relation) {
        execute("INSERT INTO catalogue_relation (entry_id, relation_type, target, position) "
                + "SELECT ?, ?, ?, COALESCE(MAX(position) + 1, 0) FROM catalogue_relation WHERE entry_id = ? "
                + "HAVING COUNT(CASE WHEN relation_type = ? AND target = ? THEN 1 END) = 0", insert -> {
                    insert.setString(1, entryId);
                    insert.setString(2, relation.type().name());
                    insert.setString(3, relation.target());
                    insert.setString(4, entryId);
                    insert.setString(5, relation.type().name());
                    insert.setString(6, relation.target());
                    insert.executeUpdate();
                });
    }

    /** Replaces every relation of the entry; duplicates of a (type, target) pair are kept once. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void replaceRelations(String entryId, List<Relation> relations) {
        execute("DELETE FROM catalogue_relation WHERE entry_id = ?", delete -> {
            delete.setString(1, entryId);
            delete.executeUpdate();
        });
        var distinct = new ArrayList<>(new LinkedHashSet<>(relations));
        if (distinct.isEmpty()) {
            return;
        }
        execute("INSERT INTO catalogue_relation (entry_id, relation_type, target, position) VALUES (?, ?, ?, ?)",
                insert -> {
                    for (int i = 0; i < distinct.size(); i++) {
                        insert.setString(1, entryId);
                        insert.setString(2, distinct.get(i).type().name());
                        insert.setString(3, distinct.get(i).target());
                        insert.setInt(4, i);
                        insert.addBatch();
                    }
                    insert.executeBatch();
                });
    }

    /** The translations of the given entries, by entry id, each list ordered by language. */
    @Transactional(readOnly = true)
    public Map<String, List<Translation>> translationsOf(Collection<String> entryIds) {
        if (entryIds.isEmpty()) {
            return Map.of();
        }
        String sql = "SELECT entry_id, language, name, description, functions FROM catalogue_translation WHERE entry_id IN ("
                + placeholders(entryIds.size()) + ") ORDER BY entry_id, language";
        return query(sql, entryIds, rs -> new Translation(rs.getString("language"), rs.getString("name"),
                rs.getString("description"), TextLists.split(rs.getString("functions"))));
    }

    /** The relations of the given entries, by entry id, each list in the order the source gave. */
    @Transactional(readOnly = true)
    public Map<String, List<Relation>> relationsOf(Collection<String> entryIds) {
        if (entryIds.isEmpty()) {
            return Map.of();
        }
        String sql = "SELECT entry_id, relation_type, target FROM catalogue_relation WHERE entry_id IN ("
                + placeholders(entryIds.size()) + ") ORDER BY entry_id, position";
        return query(sql, entryIds, rs -> new Relation(RelationType.valueOf(rs.getString("relation_type")),
                rs.getString("target")));
    }

    private <T> Map<String, List<T>> query(String sql, Collection<String> entryIds, RowReader<T> reader) {
        return jdbc.prepareStatement(sql, select -> {
            int i = 1;
            for (String id : entryIds) {
                select.setString(i++, id);
            }
            Map<String, List<T>> byEntry = new LinkedHashMap<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    byEntry.computeIfAbsent(rs.getString("entry_id"), k -> new ArrayList<>()).add(reader.read(rs));
                }
            }
            byEntry.replaceAll((k, v) -> Collections.unmodifiableList(v));
            return byEntry;
        });
    }

    private void execute(String sql, StatementWork work) {
        jdbc.prepareStatement(sql, statement -> {
            work.run(statement);
            return null;
        });
    }

    private static String placeholders(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    @FunctionalInterface
    private interface StatementWork {
        void run(PreparedStatement statement) throws SQLException;
    }

    @FunctionalInterface
    private interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }
}
