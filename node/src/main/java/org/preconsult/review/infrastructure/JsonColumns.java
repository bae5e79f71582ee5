package org.preconsult.review.infrastructure;

import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.serde.annotation.SerdeImport;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.preconsult.federation.model.PlanSummary;
import org.preconsult.federation.model.PreliminaryReview;
import org.preconsult.redundancy.model.CheckResult;
import org.preconsult.redundancy.model.Evidence;
import org.preconsult.redundancy.model.Match;
import org.preconsult.redundancy.model.Recommendation;

/** Stores structured values of a review case (summary, evidence, conditions) as JSON text columns. */
@Singleton
@SerdeImport(PlanSummary.class)
@SerdeImport(CheckResult.class)
@SerdeImport(Match.class)
@SerdeImport(Evidence.class)
@SerdeImport(Evidence.FieldMatch.class)
@SerdeImport(org.preconsult.catalogue.model.PracticeMark.class)
@SerdeImport(Recommendation.class)
@SerdeImport(PreliminaryReview.class)
@SerdeImport(PreliminaryReview.MatchBrief.class)
public class JsonColumns {

    private final ObjectMapper mapper;

    public JsonColumns(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public String write(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return mapper.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public <T> T read(String json, Argument<T> type) {
        if (json == null) {
            return null;
        }
        try {
            return mapper.readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
