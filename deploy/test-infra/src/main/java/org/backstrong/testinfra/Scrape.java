package org.backstrong.testinfra;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Prometheus text scrape (/q/metrics) read back: the figure of a metric, summed over the series whose labels match. */
public final class Scrape {

    /** A sample line: name, labels, value, then maybe a timestamp and an exemplar ({@code # {trace_id=…} 1.0 …}). */
    private static final Pattern SAMPLE =
            Pattern.compile("(?m)^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{([^}]*)\\})? (\\S+)(?: [^#\\n]\\S*)?(?: # .*)?$");

    private final String text;

    public Scrape(String text) {
        this.text = text;
    }

    /** Whether any series of {@code metric} is in the scrape. */
    public boolean has(String metric) {
        return count(metric, Map.of()) > 0;
    }

    /** The sum of every series of {@code metric} that has all of {@code labels} (each label its value). */
    public double sum(String metric, Map<String, String> labels) {
        double total = 0;
        Matcher sample = SAMPLE.matcher(text);
        while (sample.find()) {
            if (sample.group(1).equals(metric) && matches(sample.group(2), labels)) {
                total += Double.parseDouble(sample.group(3));
            }
        }
        return total;
    }

    /** The sum of every series of {@code metric}. */
    public double sum(String metric) {
        return sum(metric, Map.of());
    }

    /** How many series of {@code metric} have all of {@code labels}. */
    public int count(String metric, Map<String, String> labels) {
        int series = 0;
        Matcher sample = SAMPLE.matcher(text);
        while (sample.find()) {
            if (sample.group(1).equals(metric) && matches(sample.group(2), labels)) {
                series++;
            }
        }
        return series;
    }

    private static boolean matches(String labelText, Map<String, String> labels) {
        String given = labelText == null ? "" : "," + labelText + ",";
        return labels.entrySet().stream()
                .allMatch(label -> given.contains("," + label.getKey() + "=\"" + label.getValue() + "\","));
    }
}
