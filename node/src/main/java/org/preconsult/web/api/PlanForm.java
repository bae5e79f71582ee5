package org.preconsult.web.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.preconsult.plan.model.PlanContent;

/**
 * The plan form as typed: every field as text, so that what a person typed comes back unchanged
 * when something is wrong with it. {@link #parse} turns it into plan content or names what to fix,
 * within the bounds the plan API declares.
 */
public record PlanForm(String title, String purpose, String functions, String functionCode, String budget,
                       String plannedStart, String plannedEnd, String platform, String language,
                       boolean disasterOrSafety, String submittingDepartment, String contactPerson,
                       String internalNotes) {

    /** One field to fix: the field's name and the message key saying what is wrong. */
    public record FieldError(String field, String key) {
    }

    /** The content, or the fields to fix. */
    public record Parsed(PlanContent content, List<FieldError> errors) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    /** One line of "check your answers": a field and its value as typed. */
    public record Answer(String field, String value) {
    }

    /** What review reads, in the order of the form. */
    public List<Answer> answers() {
        return List.of(new Answer("title", title), new Answer("purpose", purpose), new Answer("functions", functions),
                new Answer("functionCode", functionCode), new Answer("budget", budget),
                new Answer("plannedStart", plannedStart), new Answer("plannedEnd", plannedEnd),
                new Answer("platform", platform), new Answer("language", language));
    }

    static PlanForm from(Map<String, String> form) {
        return new PlanForm(v(form, "title"), v(form, "purpose"), v(form, "functions"), v(form, "functionCode"),
                v(form, "budget"), v(form, "plannedStart"), v(form, "plannedEnd"), v(form, "platform"),
                v(form, "language"), form.containsKey("disasterOrSafety"), v(form, "submittingDepartment"),
                v(form, "contactPerson"), v(form, "internalNotes"));
    }

    static PlanForm of(PlanContent c) {
        return new PlanForm(n(c.title()), n(c.purpose()), String.join("\n", c.functions()), n(c.functionCode()),
                c.budget() == null ? "" : c.budget().stripTrailingZeros().toPlainString(),
                c.plannedStart() == null ? "" : c.plannedStart().toString(),
                c.plannedEnd() == null ? "" : c.plannedEnd().toString(), n(c.platform()), n(c.language()),
                c.disasterOrSafety(), n(c.submittingDepartment()), n(c.contactPerson()), n(c.internalNotes()));
    }

    Parsed parse() {
        List<FieldError> errors = new ArrayList<>();
        if (title.isBlank()) {
            errors.add(new FieldError("title", "plan.error.title.required"));
        }
        tooLong(errors, "title", title, 500);
        tooLong(errors, "purpose", purpose, 20000);
        tooLong(errors, "functionCode", functionCode, 50);
        tooLong(errors, "platform", platform, 500);
        tooLong(errors, "submittingDepartment", submittingDepartment, 300);
        tooLong(errors, "contactPerson", contactPerson, 300);
        tooLong(errors, "internalNotes", internalNotes, 20000);
        List<String> functionList = Arrays.stream(functions.split("\\R")).map(String::strip).filter(f -> !f.isEmpty()).toList();
        if (functionList.size() > 100 || functionList.stream().anyMatch(f -> f.length() > 500)) {
            errors.add(new FieldError("functions", "plan.error.functions.bounds"));
        }
        BigDecimal amount = null;
        if (!budget.isBlank()) {
            try {
                amount = new BigDecimal(budget.replace(",", "").replace(" ", "").strip());
                if (amount.signum() < 0) {
                    errors.add(new FieldError("budget", "plan.error.budget.number"));
                }
            } catch (NumberFormatException e) {
                errors.add(new FieldError("budget", "plan.error.budget.number"));
            }
        }
        LocalDate start = date(errors, "plannedStart", plannedStart);
        LocalDate end = date(errors, "plannedEnd", plannedEnd);
        if (!language.isBlank() && !language.matches("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*")) {
            errors.add(new FieldError("language", "plan.error.language"));
        }
        if (!errors.isEmpty()) {
            return new Parsed(null, List.copyOf(errors));
        }
        return new Parsed(new PlanContent(title.strip(), blankToNull(purpose), functionList, blankToNull(functionCode),
                amount, start, end, blankToNull(platform), blankToNull(language), disasterOrSafety,
                blankToNull(submittingDepartment), blankToNull(contactPerson), blankToNull(internalNotes)), List.of());
    }

    private static LocalDate date(List<FieldError> errors, String field, String value) {
        if (value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "plan.error.date"));
            return null;
        }
    }

    private static void tooLong(List<FieldError> errors, String field, String value, int max) {
        if (value.length() > max) {
            errors.add(new FieldError(field, "plan.error.tooLong"));
        }
    }

    /** A form field as posted, or empty when the form lacks it (what every page's form reads). */
    static String v(Map<String, String> form, String key) {
        var value = form.get(key);
        return value == null ? "" : value;
    }

    private static String n(String s) {
        return s == null ? "" : s;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
