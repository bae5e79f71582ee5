package org.preconsult.catalogue.application;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.preconsult.catalogue.model.PracticeMark;

/**
 * The best-practice marks in force at this node, as the catalogue's readers (its search and the
 * redundancy check) use them to filter and rank. A port: the practice feature, which keeps the
 * marks, implements it, so that reading them needs no dependency on that feature.
 */
public interface BestPracticeMarks {

    /** No entry is marked: what a node or a benchmark without marks sees. */
    BestPracticeMarks NONE = new BestPracticeMarks() {
        @Override
        public Set<String> markedEntryIds() {
            return Set.of();
        }

        @Override
        public Map<String, List<PracticeMark>> marksOf(Collection<String> entryIds) {
            return Map.of();
        }
    };

    /** Ids of the entries that carry at least one mark that is not withdrawn. */
    Set<String> markedEntryIds();

    /** The marks in force of those of the given entries that are marked; unmarked ones are absent. */
    Map<String, List<PracticeMark>> marksOf(Collection<String> entryIds);
}
