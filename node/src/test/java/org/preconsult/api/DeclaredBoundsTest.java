package org.preconsult.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.lang.reflect.ParameterizedType;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.preconsult.common.api.Bounds;
import org.preconsult.testing.NodeFixture;

/**
 * The bounds the API declares ({@link Bounds}) fit the columns that store the values, so that
 * nothing that passes validation can fail in the database; and every text a request record takes
 * has a declared bound.
 */
@MicronautTest(transactional = false, startApplication = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeclaredBoundsTest implements TestPropertyProvider {

    @Inject
    TransactionOperations<Connection> tx;

    @Override
    public Map<String, String> getProperties() {
        return NodeFixture.nodeProperties();
    }

    /** A declared bound and a column that stores values under it. */
    record Stored(String bound, int length, String table, String column) {
    }

    static final List<Stored> STORED = List.of(
            new Stored("TITLE", Bounds.TITLE, "plan", "title"),
            new Stored("TITLE", Bounds.TITLE, "information_system", "name"),
            new Stored("TITLE", Bounds.TITLE, "catalogue_entry", "name"),
            new Stored("FUNCTION_CODE", Bounds.FUNCTION_CODE, "plan", "function_code"),
            new Stored("FUNCTION_CODE", Bounds.FUNCTION_CODE, "information_system", "function_code"),
            new Stored("FUNCTION_CODE", Bounds.FUNCTION_CODE, "catalogue_entry", "function_code"),
            new Stored("PLATFORM", Bounds.PLATFORM, "plan", "platform"),
            new Stored("PLATFORM", Bounds.PLATFORM, "information_system", "platform"),
            new Stored("LANGUAGE", Bounds.LANGUAGE, "plan", "language"),
            new Stored("LANGUAGE", Bounds.LANGUAGE, "information_system", "language"),
            new Stored("LANGUAGE", Bounds.LANGUAGE, "catalogue_entry", "language"),
            new Stored("NAME", Bounds.NAME, "plan", "submitting_department"),
            new Stored("NAME", Bounds.NAME, "plan", "contact_person"),
            new Stored("NAME", Bounds.NAME, "catalogue_entry", "owner"),
            new Stored("USERNAME", Bounds.USERNAME, "app_user", "username"),
            new Stored("DISPLAY_NAME", Bounds.DISPLAY_NAME, "app_user", "display_name"),
            new Stored("REASON", Bounds.REASON, "case_condition", "text"),
            new Stored("REASON", Bounds.REASON, "plan_condition", "text"),
            new Stored("REASON", Bounds.REASON, "review_case", "override_reason"),
            new Stored("EVIDENCE", Bounds.EVIDENCE, "case_condition", "evidence"),
            new Stored("EVIDENCE", Bounds.EVIDENCE, "plan_condition", "evidence"),
            new Stored("ENTRY_ID", Bounds.ENTRY_ID, "case_condition", "entry_id"),
            new Stored("ENTRY_ID", Bounds.ENTRY_ID, "plan_condition", "entry_id"),
            new Stored("ENTRY_ID", Bounds.ENTRY_ID, "catalogue_entry", "id"),
            // A plan's key is stored as "plan-draft:<username>:<key>".
            new Stored("IDEMPOTENCY_KEY", "plan-draft:".length() + Bounds.USERNAME + 1 + Bounds.IDEMPOTENCY_KEY,
                    "idempotency_key", "idempotency_key"));

    /** Free text without a length in the schema: it must be a text column, not a bounded one. */
    static final List<String[]> LONG_TEXT = List.of(new String[] {"plan", "purpose"}, new String[] {"plan", "internal_notes"},
            new String[] {"information_system", "description"}, new String[] {"catalogue_entry", "description"});

    private Map<String, Object> column(String table, String column) {
        return tx.executeRead(status -> {
            try (var statement = status.getConnection().prepareStatement("SELECT data_type, character_maximum_length,"
                    + " numeric_precision, numeric_scale FROM information_schema.columns WHERE table_name = ? AND column_name = ?")) {
                statement.setString(1, table);
                statement.setString(2, column);
                try (ResultSet rs = statement.executeQuery()) {
                    assertTrue(rs.next(), table + "." + column + " exists");
                    return Map.of("type", rs.getString(1),
                            "length", rs.getObject(2) == null ? -1L : ((Number) rs.getObject(2)).longValue(),
                            "precision", rs.getObject(3) == null ? -1L : ((Number) rs.getObject(3)).longValue(),
                            "scale", rs.getObject(4) == null ? -1L : ((Number) rs.getObject(4)).longValue());
                }
            }
        });
    }

    @Test
    void everyDeclaredTextBound_fitsItsColumns() {
        List<String> tooLong = new ArrayList<>();
        for (var stored : STORED) {
            long length = (Long) column(stored.table(), stored.column()).get("length");
            if (length >= 0 && stored.length() > length) {
                tooLong.add(stored.bound() + " = " + stored.length() + " > " + stored.table() + "." + stored.column() + " (" + length + ")");
            }
        }
        assertEquals(List.of(), tooLong);
        for (String[] text : LONG_TEXT) {
            var type = column(text[0], text[1]);
            assertTrue(((String) type.get("type")).toUpperCase().contains("CHARACTER LARGE OBJECT")
                    || ((String) type.get("type")).equalsIgnoreCase("text") || (Long) type.get("length") >= Bounds.LONG_TEXT,
                    text[0] + "." + text[1] + " holds " + Bounds.LONG_TEXT + " characters: " + type);
        }
    }

    @Test
    void moneyBounds_areTheBudgetColumns() {
        for (String table : List.of("plan", "catalogue_entry")) {
            var budget = column(table, "budget");
            assertEquals((long) Bounds.MONEY_INTEGER_DIGITS + Bounds.MONEY_FRACTION_DIGITS, budget.get("precision"), table);
            assertEquals((long) Bounds.MONEY_FRACTION_DIGITS, budget.get("scale"), table);
        }
    }

    @Test
    void everyTextOfARequest_hasADeclaredBound() throws Exception {
        List<String> unbounded = new ArrayList<>();
        for (String name : List.of("org.preconsult.plan.api.PlanRequest", "org.preconsult.plan.api.PlanController$FulfilmentRequest",
                "org.preconsult.review.api.ReviewController$DecisionRequest",
                "org.preconsult.review.api.ReviewController$ConditionRequest",
                "org.preconsult.review.api.ReviewAdminController$WaiverRequest",
                "org.preconsult.system.api.SystemController$SystemRequest",
                "org.preconsult.system.api.SystemController$StandardSystemRequest",
                "org.preconsult.redundancy.api.RedundancyCheckRequest",
                "org.preconsult.identity.api.UserController$NewUser", "org.preconsult.identity.api.UserController$UserChange")) {
            Class<?> type = Class.forName(name);
            for (var component : type.getRecordComponents()) {
                var field = type.getDeclaredField(component.getName());
                boolean text = component.getType() == String.class;
                boolean texts = List.class.isAssignableFrom(component.getType())
                        && component.getGenericType() instanceof ParameterizedType p && p.getActualTypeArguments()[0] == String.class;
                boolean bounded = field.isAnnotationPresent(Size.class) || field.isAnnotationPresent(Pattern.class)
                        || component.getAnnotatedType().isAnnotationPresent(Size.class);
                if (texts) {
                    var item = ((java.lang.reflect.AnnotatedParameterizedType) component.getAnnotatedType())
                            .getAnnotatedActualTypeArguments()[0];
                    bounded = bounded && item.isAnnotationPresent(Size.class);
                }
                if ((text || texts) && !bounded) {
                    unbounded.add(type.getSimpleName() + "." + component.getName());
                }
            }
        }
        assertEquals(List.of(), unbounded);
    }
}
