package org.preconsult.common.model;

import java.util.regex.Pattern;

/** What the node means by blank text: nothing a person can see, in Unicode's sense. */
public final class Text {

    /** Spaces and separators of every script, no-break and em spaces, zero-width and control characters. */
    private static final Pattern BLANK = Pattern.compile("[\\p{Z}\\p{Cc}\\p{Cf}\\s]*");

    private Text() {
    }

    /** True when the text is null, empty, or only spaces and invisible characters. */
    public static boolean isBlank(CharSequence text) {
        return text == null || BLANK.matcher(text).matches();
    }
}
