package org.preconsult.common.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import io.micronaut.core.beans.BeanIntrospector;
import io.micronaut.core.type.Argument;
import jakarta.validation.constraints.NotBlank;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads a request body as the API's strict JSON and checks its shape against the type the endpoint
 * declares, before any value is bound. It is the one place where the API says what JSON it accepts:
 *
 * <ul>
 *   <li>one JSON value and nothing after it; no duplicate keys; not empty and not {@code null};</li>
 *   <li>no coercion: a text field takes a JSON string, a yes/no field {@code true} or {@code false},
 *       a number field a JSON number, a date a string {@code YYYY-MM-DD}; a one-element array is not
 *       read as its element;</li>
 *   <li>an enumerated field takes one of its values; a list takes an array without {@code null}
 *       items;</li>
 *   <li>an object takes only the fields its record declares (a typo such as {@code budjet} is named,
 *       not ignored);</li>
 *   <li>a field that must not be blank is refused when it holds only Unicode spaces (no-break and
 *       em spaces, zero-width characters included).</li>
 * </ul>
 *
 * Every finding names the field by its path ({@code conditions[0].dueDate}) and says what it takes.
 */
public final class StrictJson {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).maxNumberLength(100).build())
            .build();
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private StrictJson() {
    }

    /** A JSON scalar as written: its token and text. */
    private record Scalar(JsonToken token, String text) {
    }

    /** True when the text is empty or holds only spaces and invisible characters in Unicode's sense. */
    public static boolean isBlank(CharSequence text) {
        return org.preconsult.common.model.Text.isBlank(text);
    }

    /**
     * Checks the body against the type; throws a 400 {@link ProblemException} naming every field that
     * does not fit. Returns normally when the body may be bound.
     */
    public static void check(byte[] body, Argument<?> type) {
        Object tree = parse(body);
        if (tree == null) {
            throw ProblemException.invalid("The request body is null; send a JSON "
                    + (isList(type.getType()) ? "array." : "object."), List.of());
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        walk(tree, type, "", errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("The request body has fields that cannot be read.", errors);
        }
    }

    private static Object parse(byte[] body) {
        if (body.length == 0 || isBlank(new String(body, java.nio.charset.StandardCharsets.UTF_8))) {
            throw ProblemException.invalid("The request has no body; send the JSON the endpoint takes.", List.of());
        }
        try (JsonParser parser = FACTORY.createParser(body)) {
            JsonToken first = parser.nextToken();
            Object tree = read(parser, first);
            JsonToken after = parser.nextToken();
            if (after != null) {
                throw ProblemException.invalid("The request body has more after its JSON value (at character "
                        + parser.currentLocation().getCharOffset() + "); send exactly one JSON value.", List.of());
            }
            return tree;
        } catch (JsonParseException e) {
            throw ProblemException.invalid("The request body is not valid JSON: " + e.getOriginalMessage()
                    + " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ").",
                    List.of());
        } catch (IOException | RuntimeException e) {
            if (e instanceof ProblemException problem) {
                throw problem;
            }
            throw ProblemException.invalid("The request body is not valid JSON.", List.of());
        }
    }

    private static Object read(JsonParser parser, JsonToken token) throws IOException {
        if (token == null) {
            throw ProblemException.invalid("The request has no body; send the JSON the endpoint takes.", List.of());
        }
        switch (token) {
            case START_OBJECT -> {
                Map<String, Object> object = new LinkedHashMap<>();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
                    String name = parser.currentName();
                    object.put(name, read(parser, parser.nextToken()));
                }
                return object;
            }
            case START_ARRAY -> {
                List<Object> array = new ArrayList<>();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                    array.add(read(parser, t));
                }
                return array;
            }
            case VALUE_NULL -> {
                return null;
            }
            default -> {
                return new Scalar(token, parser.getText());
            }
        }
    }

    private static void walk(Object value, Argument<?> type, String path, List<Problem.FieldError> errors) {
        Class<?> raw = type.getType();
        String field = path.isEmpty() ? "body" : path;
        if (value == null) {
            if (raw.isPrimitive()) {
                errors.add(new Problem.FieldError(field, "must not be null"));
            }
            return;
        }
        if (raw == String.class || raw == CharSequence.class) {
            if (!(value instanceof Scalar s) || s.token() != JsonToken.VALUE_STRING) {
                errors.add(new Problem.FieldError(field, "must be text in quotes, not " + describe(value)));
            } else if (type.getAnnotationMetadata().hasStereotype(NotBlank.class) && isBlank(s.text())
                    && !s.text().trim().isEmpty()) {
                // Plain ASCII blanks are left to validation, which reports them with the other fields.
                String message = type.getAnnotationMetadata().stringValue(NotBlank.class, "message")
                        .filter(m -> !m.startsWith("{")).orElse("must not be blank");
                errors.add(new Problem.FieldError(field, message));
            }
        } else if (raw == Boolean.class || raw == boolean.class) {
            if (!(value instanceof Scalar s) || (s.token() != JsonToken.VALUE_TRUE && s.token() != JsonToken.VALUE_FALSE)) {
                errors.add(new Problem.FieldError(field, "must be true or false, not " + describe(value)));
            }
        } else if (isInteger(raw)) {
            if (!(value instanceof Scalar s) || s.token() != JsonToken.VALUE_NUMBER_INT) {
                errors.add(new Problem.FieldError(field, "must be a whole number, not " + describe(value)));
            } else if (!fits(new BigInteger(s.text()), raw)) {
                errors.add(new Problem.FieldError(field, "is out of range"));
            }
        } else if (raw == BigDecimal.class || raw == Double.class || raw == double.class || raw == Float.class
                || raw == float.class || raw == Number.class) {
            if (!(value instanceof Scalar s)
                    || (s.token() != JsonToken.VALUE_NUMBER_INT && s.token() != JsonToken.VALUE_NUMBER_FLOAT)) {
                errors.add(new Problem.FieldError(field, "must be a number, not " + describe(value)));
            } else if (raw == BigDecimal.class && !isMoney(new BigDecimal(s.text()))) {
                errors.add(new Problem.FieldError(field, "must be an amount with at most " + Bounds.MONEY_INTEGER_DIGITS
                        + " digits before the decimal point and " + Bounds.MONEY_FRACTION_DIGITS + " after, not " + clip(s.text())));
            } else if (raw != BigDecimal.class && !Double.isFinite(new BigDecimal(s.text()).doubleValue())) {
                errors.add(new Problem.FieldError(field, "is out of range"));
            }
        } else if (raw == LocalDate.class) {
            checkDate(value, field, errors);
        } else if (raw.isEnum()) {
            checkEnum(value, raw, field, errors);
        } else if (isList(raw)) {
            if (!(value instanceof List<?> items)) {
                errors.add(new Problem.FieldError(field, "must be a list in [ ], not " + describe(value)));
                return;
            }
            Argument<?> item = type.getFirstTypeVariable().orElse(Argument.OBJECT_ARGUMENT);
            if (java.util.Set.class.isAssignableFrom(raw) && items.stream().distinct().count() < items.size()) {
                errors.add(new Problem.FieldError(field, "lists a value more than once"));
            }
            for (int i = 0; i < items.size(); i++) {
                if (items.get(i) == null) {
                    errors.add(new Problem.FieldError(field + "[" + i + "]", "must not be null"));
                } else {
                    walk(items.get(i), item, field + "[" + i + "]", errors);
                }
            }
        } else {
            var introspection = BeanIntrospector.SHARED.findIntrospection(raw);
            if (introspection.isEmpty() || raw.getName().startsWith("java.") || Map.class.isAssignableFrom(raw)) {
                return;
            }
            if (!(value instanceof Map<?, ?> object)) {
                errors.add(new Problem.FieldError(field, "must be a JSON object in { }, not " + describe(value)));
                return;
            }
            Map<String, Argument<?>> fields = new LinkedHashMap<>();
            Argument<?>[] arguments = introspection.get().getConstructorArguments();
            if (arguments.length > 0) {
                for (Argument<?> argument : arguments) {
                    fields.put(argument.getName(), argument);
                }
            } else {
                for (var property : introspection.get().getBeanProperties()) {
                    if (!property.isReadOnly()) {
                        fields.put(property.getName(), property.asArgument());
                    }
                }
            }
            String prefix = path.isEmpty() ? "" : path + ".";
            for (var entry : object.entrySet()) {
                String name = (String) entry.getKey();
                Argument<?> declared = fields.get(name);
                if (declared == null) {
                    errors.add(new Problem.FieldError(prefix + name, "is not a field of this request; the fields are "
                            + String.join(", ", fields.keySet())));
                } else {
                    walk(entry.getValue(), declared, prefix + name, errors);
                }
            }
        }
    }

    private static void checkDate(Object value, String field, List<Problem.FieldError> errors) {
        if (!(value instanceof Scalar s) || s.token() != JsonToken.VALUE_STRING || !DATE.matcher(s.text()).matches()) {
            errors.add(new Problem.FieldError(field, "must be a date written YYYY-MM-DD, not " + describe(value)));
            return;
        }
        try {
            LocalDate date = LocalDate.parse(s.text());
            if (date.getYear() < Bounds.EARLIEST_YEAR || date.getYear() > Bounds.LATEST_YEAR) {
                errors.add(new Problem.FieldError(field, "must lie in the years " + Bounds.EARLIEST_YEAR + " to "
                        + Bounds.LATEST_YEAR + ", not " + s.text()));
            }
        } catch (DateTimeParseException e) {
            errors.add(new Problem.FieldError(field, "'" + s.text() + "' is not a date of the calendar"));
        }
    }

    private static void checkEnum(Object value, Class<?> raw, String field, List<Problem.FieldError> errors) {
        String allowed = Arrays.stream(raw.getEnumConstants()).map(c -> ((Enum<?>) c).name())
                .collect(Collectors.joining(", "));
        if (!(value instanceof Scalar s) || s.token() != JsonToken.VALUE_STRING) {
            errors.add(new Problem.FieldError(field, "must be one of " + allowed + ", not " + describe(value)));
            return;
        }
        boolean known = Arrays.stream(raw.getEnumConstants()).anyMatch(c -> ((Enum<?>) c).name().equals(s.text()));
        if (!known) {
            errors.add(new Problem.FieldError(field, "must be one of " + allowed + ", not '" + clip(s.text()) + "'"));
        }
    }

    /** True when the amount fits {@code NUMERIC(19, 2)} (every amount of the API is money). */
    public static boolean isMoney(BigDecimal amount) {
        BigDecimal stripped = amount.stripTrailingZeros();
        int fraction = Math.max(0, stripped.scale());
        int integer = stripped.precision() - stripped.scale();
        return fraction <= Bounds.MONEY_FRACTION_DIGITS && integer <= Bounds.MONEY_INTEGER_DIGITS;
    }

    private static boolean isList(Class<?> raw) {
        return Collection.class.isAssignableFrom(raw) || raw.isArray() && raw != byte[].class;
    }

    private static boolean isInteger(Class<?> raw) {
        return raw == Integer.class || raw == int.class || raw == Long.class || raw == long.class
                || raw == Short.class || raw == short.class || raw == BigInteger.class;
    }

    private static boolean fits(BigInteger value, Class<?> raw) {
        if (raw == BigInteger.class) {
            return value.bitLength() < 128;
        }
        long min = raw == Integer.class || raw == int.class ? Integer.MIN_VALUE
                : raw == Short.class || raw == short.class ? Short.MIN_VALUE : Long.MIN_VALUE;
        long max = raw == Integer.class || raw == int.class ? Integer.MAX_VALUE
                : raw == Short.class || raw == short.class ? Short.MAX_VALUE : Long.MAX_VALUE;
        return value.bitLength() < 64 && value.longValue() >= min && value.longValue() <= max;
    }

    private static String describe(Object value) {
        if (value instanceof Map) {
            return "an object";
        }
        if (value instanceof List) {
            return "a list";
        }
        Scalar s = (Scalar) value;
        return switch (s.token()) {
            case VALUE_STRING -> "the text '" + clip(s.text()) + "'";
            case VALUE_TRUE, VALUE_FALSE -> s.text();
            default -> "the number " + clip(s.text());
        };
    }

    private static String clip(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
