package org.preconsult.web.infrastructure;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every text of the web UI, from {@code i18n/messages_<lang>.properties} (UTF-8). A key missing
 * from a bundle shows as {@code [[key]]} on the page; {@code MessagesTest} fails the build first.
 */
public final class Messages {

    /** Where the bundles live on the class path. */
    public static final String BUNDLE = "i18n.messages";

    private static final Map<Locale, Messages> CACHE = new ConcurrentHashMap<>();

    private final Locale locale;
    private final ResourceBundle bundle;

    private Messages(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public static Messages of(Locale locale) {
        return CACHE.computeIfAbsent(locale, Messages::new);
    }

    public Locale locale() {
        return locale;
    }

    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    /** The text of the key, with {@code {0}}-style arguments filled in. */
    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return "[[" + key + "]]";
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }
}
