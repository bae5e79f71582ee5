package org.preconsult.plan.application;

import io.micronaut.core.type.Argument;
import jakarta.inject.Singleton;
import java.util.List;
import org.preconsult.review.infrastructure.JsonColumns;
import org.preconsult.review.model.Condition;

/** Conditions of a decision as stored with the plan. */
@Singleton
public class ConditionsJson {

    private final JsonColumns json;

    public ConditionsJson(JsonColumns json) {
        this.json = json;
    }

    public String write(List<Condition> conditions) {
        return conditions.isEmpty() ? null : json.write(conditions);
    }

    public List<Condition> read(String column) {
        return column == null ? List.of() : json.read(column, Argument.listOf(Condition.class));
    }
}
