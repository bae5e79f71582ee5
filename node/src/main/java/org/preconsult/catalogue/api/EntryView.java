package org.preconsult.catalogue.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.preconsult.catalogue.model.CatalogueEntry;
import org.preconsult.catalogue.model.DescribedEntry;
import org.preconsult.catalogue.model.PracticeMark;

/**
 * A catalogue entry as readers receive it, with its translations and relations, and the
 * best-practice marks in force on it ({@code bestPractice}, empty when it has none).
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record EntryView(
        String id,
        String kind,
        @Nullable String owner,
        String name,
        String description,
        List<String> functions,
        @Nullable String functionCode,
        @Nullable String language,
        String status,
        @Nullable BigDecimal budget,
        @Nullable String originNode,
        long version,
        @Nullable Instant updatedAt,
        List<TranslationView> translations,
        List<RelationView> relations,
        List<MarkView> bestPractice) {

    /** The entry in another language; {@code name} is null when the source gave no localised name. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record TranslationView(String language, @Nullable String name, String description, List<String> functions) {
    }

    /** A relation: {@code type} USED_BY or IS_BASED_ON, {@code target} as the source wrote it. */
    @Serdeable
    public record RelationView(String type, String target) {
    }

    /** A best-practice mark: the node that marked the entry and its reason. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record MarkView(String markingNode, @Nullable String markingName, String reason) {
    }

    static EntryView from(DescribedEntry described) {
        return from(described, List.of());
    }

    static EntryView from(DescribedEntry described, List<PracticeMark> marks) {
        CatalogueEntry e = described.entry();
        return new EntryView(e.id(), e.kind().name(), e.owner(), e.name(), e.description(), e.functions(),
                e.functionCode(), e.language(), e.status().name(), e.budget(), e.originNode(), e.version(),
                e.updatedAt(),
                described.translations().stream()
                        .map(t -> new TranslationView(t.language(), t.name(), t.description(), t.functions())).toList(),
                described.relations().stream().map(r -> new RelationView(r.type().name(), r.target())).toList(),
                marks.stream().map(m -> new MarkView(m.markingNode(), m.markingName(), m.reason())).toList());
    }
}
