package org.preconsult.web.infrastructure;

import io.micronaut.http.HttpRequest;
import java.util.List;
import java.util.Locale;

/**
 * The languages of the web UI and how a request picks one: the {@code lang} query parameter (the
 * switch), then the cookie the switch set, then the browser's Accept-Language, then English.
 */
public final class Languages {

    /** Every language the UI is written in; the message bundles must be complete in each. */
    public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.KOREAN);

    private Languages() {
    }

    public static Locale of(HttpRequest<?> request) {
        var chosen = request.getParameters().getFirst("lang")
                .or(() -> SessionCookie.read(request, SessionCookie.LANGUAGE))
                .flatMap(Languages::supported);
        if (chosen.isPresent()) {
            return chosen.get();
        }
        var header = request.getHeaders().get("Accept-Language");
        if (header != null) {
            try {
                var best = Locale.lookup(Locale.LanguageRange.parse(header), SUPPORTED);
                if (best != null) {
                    return best;
                }
            } catch (IllegalArgumentException malformed) {
                // A malformed header is no reason to refuse the page: fall back to English.
            }
        }
        return Locale.ENGLISH;
    }

    /** The supported language with this tag, if it is one. */
    public static java.util.Optional<Locale> supported(String tag) {
        if (tag == null) {
            return java.util.Optional.empty();
        }
        String language = tag.strip().toLowerCase(Locale.ROOT);
        return SUPPORTED.stream().filter(l -> l.getLanguage().equals(language)).findFirst();
    }
}
