package org.preconsult.web.api;

import java.util.List;
import java.util.Locale;

/**
 * Writes a chart's figures as the JSON that the page script {@code chart.js} draws: the labels of
 * the x axis, the names of both axes, and each series with its name, values and colours, all texts
 * already in the page's language. The page embeds it in a {@code <script type="application/json">}
 * element next to the table that stays the source of the numbers.
 */
final class ChartJson {

    private ChartJson() {
    }

    /**
     * One series of bars: {@code width} is the bar's share of its slot (0 to 1); values may hold
     * nulls (nothing to draw).
     */
    record Series(String name, List<? extends Number> values, String fill, String stroke, double width) {
    }

    /**
     * The chart: {@code stacked} draws each slot's bars on top of one another in the order of
     * {@code series} (first at the bottom); otherwise the bars overlap, widest behind.
     */
    static String bars(String title, String xName, String yName, List<String> labels, boolean stacked,
                       List<Series> series) {
        var json = new StringBuilder("{\"title\":").append(quote(title))
                .append(",\"x\":").append(quote(xName))
                .append(",\"y\":").append(quote(yName))
                .append(",\"stacked\":").append(stacked)
                .append(",\"labels\":[");
        for (int i = 0; i < labels.size(); i++) {
            json.append(i == 0 ? "" : ",").append(quote(labels.get(i)));
        }
        json.append("],\"series\":[");
        for (int s = 0; s < series.size(); s++) {
            var one = series.get(s);
            json.append(s == 0 ? "" : ",").append("{\"name\":").append(quote(one.name()))
                    .append(",\"fill\":").append(quote(one.fill()))
                    .append(",\"stroke\":").append(quote(one.stroke()))
                    .append(",\"width\":").append(String.format(Locale.ROOT, "%.2f", one.width()))
                    .append(",\"values\":[");
            for (int i = 0; i < one.values().size(); i++) {
                json.append(i == 0 ? "" : ",").append(number(one.values().get(i)));
            }
            json.append("]}");
        }
        return json.append("]}").toString();
    }

    private static String number(Number n) {
        if (n == null) {
            return "null";
        }
        if (n instanceof Double || n instanceof Float) {
            return String.format(Locale.ROOT, "%.1f", n.doubleValue());
        }
        return String.valueOf(n.longValue());
    }

    /** A JSON string that is also safe inside a script element (no "<" survives). */
    static String quote(String s) {
        var out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c == '<' || c == '>' || c == '&') {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
