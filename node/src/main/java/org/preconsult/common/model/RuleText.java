package org.preconsult.common.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A text that a rule writes (a routing reason, a recommendation's reason) as a message key and its
 * arguments, so that a page can show it in the reader's language with amounts formatted for it.
 *
 * <p>The stored and transmitted form stays the English text (the API's JSON and the federation's
 * messages keep their text fields); {@link #parse} recovers the key and the arguments from it, also
 * for texts stored or received before keys existed. Invariant: for every template,
 * {@code parse(template.fill(args))} gives back the key and the arguments, as long as no argument
 * itself contains the literal text that follows it in the template.
 */
public record RuleText(String key, List<String> args) {

    public RuleText {
        args = List.copyOf(args);
    }

    /** One rule's text: its message key and its English wording with {@code {0}}-style places. */
    public record Template(String key, String english) {

        private static final Pattern PLACE = Pattern.compile("\\{(\\d)}");

        /** The English text with the arguments in their places. */
        public String fill(Object... args) {
            Matcher m = PLACE.matcher(english);
            var out = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(out, Matcher.quoteReplacement(String.valueOf(args[Integer.parseInt(m.group(1))])));
            }
            m.appendTail(out);
            return out.toString();
        }

        /** The key and arguments of a text written by this template, if it was. */
        public Optional<RuleText> match(String text) {
            Matcher places = PLACE.matcher(english);
            var regex = new StringBuilder();
            List<Integer> order = new ArrayList<>();
            int last = 0;
            while (places.find()) {
                regex.append(Pattern.quote(english.substring(last, places.start()))).append("(.*?)");
                order.add(Integer.parseInt(places.group(1)));
                last = places.end();
            }
            regex.append(Pattern.quote(english.substring(last)));
            Matcher m = Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(text);
            if (!m.matches()) {
                return Optional.empty();
            }
            String[] args = new String[order.size()];
            for (int i = 0; i < order.size(); i++) {
                args[order.get(i)] = m.group(i + 1);
            }
            return Optional.of(new RuleText(key, List.of(args)));
        }

        /** How much fixed text the template has: the more, the more specific a match. */
        int literalLength() {
            return PLACE.matcher(english).replaceAll("").length();
        }
    }

    /** The key and arguments of a text written by one of the templates; the most specific match wins. */
    public static Optional<RuleText> parse(String text, List<Template> templates) {
        if (text == null) {
            return Optional.empty();
        }
        return templates.stream().sorted(Comparator.comparingInt(Template::literalLength).reversed())
                .map(t -> t.match(text)).flatMap(Optional::stream).findFirst();
    }
}
