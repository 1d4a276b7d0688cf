package org.backstrong.planner.web;

import java.util.List;
import java.util.Locale;

/**
 * A small chart drawn on the server as inline SVG: no script, no chart library to fetch, and
 * readable by screen readers through its title (each page also shows the numbers as a table).
 */
public final class SvgChart {

    /** One labelled value; null when there is nothing to draw for it. */
    public record Point(String label, Double value) {
    }

    private static final int WIDTH = 640;
    private static final int HEIGHT = 220;
    private static final int LEFT = 40;
    private static final int BOTTOM = 30;
    private static final int TOP = 14;

    private SvgChart() {
    }

    /** Bars from zero, scaled to the largest value (or to {@code max} when given). */
    public static String bars(String title, List<Point> points, Double max) {
        double top = max != null ? max : points.stream().mapToDouble(p -> p.value() == null ? 0 : p.value()).max().orElse(1);
        top = top <= 0 ? 1 : top;
        StringBuilder svg = open(title, top);
        double slot = (double) (WIDTH - LEFT - 10) / Math.max(1, points.size());
        for (int i = 0; i < points.size(); i++) {
            Point point = points.get(i);
            double x = LEFT + i * slot;
            if (point.value() != null) {
                double h = (HEIGHT - BOTTOM - TOP) * point.value() / top;
                svg.append(String.format(Locale.ROOT,
                        "<rect class=\"bar\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"><title>%s: %s</title></rect>",
                        x + slot * 0.15, HEIGHT - BOTTOM - h, slot * 0.7, h, escape(point.label()), number(point.value())));
            }
            label(svg, point.label(), x + slot / 2, points.size());
        }
        return svg.append("</svg>").toString();
    }

    /** A line through the points that have a value, on a fixed scale (pain: 0–10). */
    public static String line(String title, List<Point> points, double max) {
        StringBuilder svg = open(title, max);
        double slot = (double) (WIDTH - LEFT - 10) / Math.max(1, points.size());
        StringBuilder path = new StringBuilder();
        StringBuilder dots = new StringBuilder();
        for (int i = 0; i < points.size(); i++) {
            Point point = points.get(i);
            double x = LEFT + i * slot + slot / 2;
            if (point.value() != null) {
                double y = HEIGHT - BOTTOM - (HEIGHT - BOTTOM - TOP) * point.value() / max;
                path.append(path.isEmpty() ? "M" : " L").append(String.format(Locale.ROOT, "%.1f %.1f", x, y));
                dots.append(String.format(Locale.ROOT, "<circle class=\"dot\" cx=\"%.1f\" cy=\"%.1f\" r=\"4\"><title>%s: %s</title></circle>",
                        x, y, escape(point.label()), number(point.value())));
            }
            label(svg, point.label(), x, points.size());
        }
        if (!path.isEmpty()) {
            svg.append("<path class=\"line\" d=\"").append(path).append("\"/>");
        }
        return svg.append(dots).append("</svg>").toString();
    }

    private static StringBuilder open(String title, double top) {
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"chart\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" role=\"img\" aria-label=\"").append(escape(title)).append("\"><title>").append(escape(title))
                .append("</title>");
        svg.append(String.format(Locale.ROOT, "<line class=\"axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>", LEFT,
                HEIGHT - BOTTOM, WIDTH - 10, HEIGHT - BOTTOM));
        svg.append(String.format(Locale.ROOT, "<line class=\"axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>", LEFT, TOP,
                LEFT, HEIGHT - BOTTOM));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>", LEFT - 4, TOP + 4,
                number(top)));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">0</text>", LEFT - 4,
                HEIGHT - BOTTOM));
        return svg;
    }

    private static void label(StringBuilder svg, String label, double x, int count) {
        // Crowded axes label every other point.
        if (count > 12 && Math.round((x - LEFT) / ((double) (WIDTH - LEFT - 10) / count)) % 2 == 1) {
            return;
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>", x,
                HEIGHT - BOTTOM + 16, escape(label)));
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
