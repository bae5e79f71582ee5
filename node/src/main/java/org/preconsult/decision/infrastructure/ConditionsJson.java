package org.preconsult.decision.infrastructure;

import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.serde.annotation.SerdeImport;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.preconsult.decision.model.Condition;

/** Conditions of a decision as stored in a JSON text column (with the plan, and with the review case). */
@Singleton
@SerdeImport(Condition.class)
public class ConditionsJson {

    private final ObjectMapper mapper;

    public ConditionsJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public String write(List<Condition> conditions) {
        if (conditions.isEmpty()) {
            return null;
        }
        try {
            return mapper.writeValueAsString(conditions);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<Condition> read(String column) {
        if (column == null) {
            return List.of();
        }
        try {
            return mapper.readValue(column, Argument.listOf(Condition.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
