package org.preconsult.web.api;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.preconsult.catalogue.importing.ImportTexts;
import org.preconsult.common.model.RuleText;
import org.preconsult.redundancy.model.RecommendationRules;
import org.preconsult.review.model.Routing;
import org.preconsult.web.infrastructure.Messages;

/**
 * What every page template needs besides its own model: the language and its texts, formatting
 * of dates and amounts for that language, the CSRF token of the forms, who is signed in, and the
 * node. The first parameter of every page record.
 */
public record Ui(Messages messages, String csrf, String userName, Set<String> roles, String path, String nodeName,
                 String nodeRole, ZoneId zone) {

    public String lang() {
        return messages.locale().getLanguage();
    }

    /** The text of a message key, arguments filled in. */
    public String t(String key, Object... args) {
        return messages.get(key, args);
    }

    public boolean signedIn() {
        return userName != null;
    }

    public boolean has(String role) {
        return roles.contains(role);
    }

    public String date(LocalDate date) {
        return date == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(messages.locale()).format(date);
    }

    public String date(Instant instant) {
        return instant == null ? "" : date(LocalDate.ofInstant(instant, zone));
    }

    public String dateTime(Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(messages.locale()).withZone(zone).format(instant);
    }

    /** An amount of money in the language's grouping, without a currency (budgets are in the national one). */
    public String amount(BigDecimal amount) {
        if (amount == null) {
            return "";
        }
        var format = NumberFormat.getNumberInstance(messages.locale());
        format.setMaximumFractionDigits(2);
        return format.format(amount);
    }

    public String percent(double share) {
        return NumberFormat.getPercentInstance(messages.locale()).format(share);
    }

    /** A form value for reading: amounts and dates in the language's format, other text as typed. */
    public String display(String field, String value) {
        if (value == null || value.isBlank()) {
            return "";
        }
        try {
            return switch (field) {
                case "budget" -> amount(new BigDecimal(value));
                case "plannedStart", "plannedEnd" -> date(LocalDate.parse(value));
                default -> value;
            };
        } catch (RuntimeException unparsable) {
            return value;
        }
    }

    /** The texts the rules write (routing, preliminary opinion, recommendation), which pages show translated. */
    static final List<RuleText.Template> RULE_TEXTS = Stream.concat(Routing.TEXTS.stream(),
            RecommendationRules.TEXTS.stream()).toList();

    /**
     * A text that a rule wrote, in this page's language with its amounts formatted for it; any other
     * text (one a person typed) as it is.
     */
    public String rule(String text) {
        return RuleText.parse(text, RULE_TEXTS).map(this::render).orElse(text == null ? "" : text);
    }

    /** The language of {@link #rule}'s result: this page's when the rule is known, else English (the rules' own). */
    public String ruleLang(String text) {
        return RuleText.parse(text, RULE_TEXTS).isPresent() ? lang() : "en";
    }

    private String render(RuleText text) {
        Object[] args = text.args().stream().map(a -> text.key().equals("rule.incomplete") ? missingFields(a) : argument(a))
                .toArray();
        return t(text.key(), args);
    }

    private String missingFields(String list) {
        return Stream.of(list.split(", ")).map(f -> messages.has("field." + f) ? t("field." + f) : argument(f))
                .collect(Collectors.joining(t("list.separator")));
    }

    /** One argument of a rule's text: a nested rule text, an amount, a kind or outcome, or a name as written. */
    private String argument(String arg) {
        if (arg.matches("-?\\d{1,18}(\\.\\d{1,4})?")) {
            return amount(new BigDecimal(arg));
        }
        if (messages.has("kind." + arg)) {
            return t("kind." + arg);
        }
        if (messages.has("outcome." + arg)) {
            return t("outcome." + arg);
        }
        if (arg.equals(RecommendationRules.UNNAMED_OWNER)) {
            return t("rule.unnamedOwner");
        }
        return RuleText.parse(arg, RULE_TEXTS).map(this::render).orElse(arg);
    }

    private static final java.util.regex.Pattern CSV_ROW = java.util.regex.Pattern.compile("row (\\d+)");

    /**
     * Why an import (a whole document, or one field of one entry) was refused, in this page's
     * language; a text no import rule wrote as it is. Values from the file stay as written.
     */
    public String importText(String text) {
        return ImportTexts.parse(text).map(this::renderImport).orElse(text == null ? "" : text);
    }

    /** The language of {@link #importText}'s result: this page's when the text is known, else English. */
    public String importLang(String text) {
        return ImportTexts.parse(text).isPresent() ? lang() : "en";
    }

    /** An imported entry's label in its source: a CSV row in this page's language, a JSON path as written. */
    public String importLabel(String label) {
        var row = label == null ? null : CSV_ROW.matcher(label);
        return row != null && row.matches() ? t("import.row", Integer.parseInt(row.group(1))) : label == null ? "" : label;
    }

    private String renderImport(RuleText text) {
        var args = new java.util.ArrayList<Object>(text.args());
        if (text.key().equals(ImportTexts.ENTRY.key())) {
            // The reason inside "Entry 'x': reason".
            args.set(1, importText(text.args().get(1)));
        } else if (text.key().equals("import.reason.duplicateId")) {
            args.set(1, importLabel(text.args().get(1)));
        }
        return t(text.key(), args.toArray());
    }

    /** The language the switch offers: the other one. */
    public String otherLang() {
        return lang().equals("ko") ? "en" : "ko";
    }

    /** This page in the other language. */
    public String switchHref() {
        String base = path == null ? "/" : path;
        return base + (base.contains("?") ? "&" : "?") + "lang=" + otherLang();
    }
}
