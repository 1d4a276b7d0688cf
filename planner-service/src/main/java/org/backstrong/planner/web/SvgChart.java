package org.backstrong.planner.web;

import java.util.List;
import java.util.Locale;

/**
 * A small chart drawn on the server as inline SVG: no script, no chart library to fetch, and
 * readable by screen readers through its title (each page also shows the numbers as a table).
 */
public final class SvgChart {

    /** One labelled value; null when there is nothing to draw for it. */
    public record Point(String label, Double value) {}

    /**
     * A narrow drawing (300 units wide) so that on a 360 px phone, where the card leaves about 294 px,
     * the labels keep nearly their CSS size (app.css: 14 units, about 13.7 px there, never under 12).
     */
    static final int WIDTH = 300;

    private static final int HEIGHT = 180;
    private static final int LEFT = 30;
    private static final int RIGHT = 6;
    private static final int BOTTOM = 24;
    private static final int TOP = 22;
    /** Room a week's label ("W47") or a value ("10", "7.5") needs at the labels' size. */
    private static final int LABEL_ROOM = 34;

    private SvgChart() {}

    /** Bars from zero, scaled to the largest value (or to {@code max} when given), each with its value above it when there is room. */
    public static String bars(String title, List<Point> points, Double max) {
        double top = max != null
                ? max
                : points.stream()
                        .mapToDouble(p -> p.value() == null ? 0 : p.value())
                        .max()
                        .orElse(1);
        top = top <= 0 ? 1 : top;
        StringBuilder svg = open(title, top);
        double slot = slot(points.size());
        // One bar alone would fill the width: keep it as wide as a bar among a few.
        double width = Math.min(slot * 0.7, 60);
        for (int i = 0; i < points.size(); i++) {
            Point point = points.get(i);
            double x = LEFT + i * slot + slot / 2;
            if (point.value() != null) {
                double h = (HEIGHT - BOTTOM - TOP) * point.value() / top;
                svg.append(String.format(
                        Locale.ROOT,
                        "<rect class=\"bar\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"><title>%s: %s</title></rect>",
                        x - width / 2,
                        HEIGHT - BOTTOM - h,
                        width,
                        h,
                        escape(point.label()),
                        number(point.value())));
                if (slot >= LABEL_ROOM) {
                    value(svg, point.value(), x, HEIGHT - BOTTOM - h - 5);
                }
            }
            label(svg, point.label(), i, x, points.size());
        }
        return svg.append("</svg>").toString();
    }

    /**
     * A line through the points that have a value, on a fixed scale (pain: 0–10). With fewer than two
     * values there is no line to draw, and a lone dot reads as nothing: that week is a bar with its number.
     */
    public static String line(String title, List<Point> points, double max) {
        if (points.stream().filter(p -> p.value() != null).count() < 2) {
            return bars(title, points, max);
        }
        StringBuilder svg = open(title, max);
        double slot = slot(points.size());
        StringBuilder path = new StringBuilder();
        StringBuilder dots = new StringBuilder();
        for (int i = 0; i < points.size(); i++) {
            Point point = points.get(i);
            double x = LEFT + i * slot + slot / 2;
            if (point.value() != null) {
                double y = HEIGHT - BOTTOM - (HEIGHT - BOTTOM - TOP) * point.value() / max;
                path.append(path.isEmpty() ? "M" : " L").append(String.format(Locale.ROOT, "%.1f %.1f", x, y));
                dots.append(String.format(
                        Locale.ROOT,
                        "<circle class=\"dot\" cx=\"%.1f\" cy=\"%.1f\" r=\"4\"><title>%s: %s</title></circle>",
                        x,
                        y,
                        escape(point.label()),
                        number(point.value())));
                if (slot >= LABEL_ROOM) {
                    value(dots, point.value(), x, y - 8);
                }
            }
            label(svg, point.label(), i, x, points.size());
        }
        svg.append("<path class=\"line\" d=\"").append(path).append("\"/>");
        return svg.append(dots).append("</svg>").toString();
    }

    private static double slot(int count) {
        return (double) (WIDTH - LEFT - RIGHT) / Math.max(1, count);
    }

    private static StringBuilder open(String title, double top) {
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"chart\" viewBox=\"0 0 ")
                .append(WIDTH)
                .append(' ')
                .append(HEIGHT)
                .append("\" role=\"img\" aria-label=\"")
                .append(escape(title))
                .append("\"><title>")
                .append(escape(title))
                .append("</title>");
        svg.append(String.format(
                Locale.ROOT,
                "<line class=\"axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>",
                LEFT,
                HEIGHT - BOTTOM,
                WIDTH - RIGHT,
                HEIGHT - BOTTOM));
        svg.append(String.format(
                Locale.ROOT,
                "<line class=\"axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>",
                LEFT,
                TOP,
                LEFT,
                HEIGHT - BOTTOM));
        svg.append(String.format(
                Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>", LEFT - 4, TOP + 5, number(top)));
        svg.append(String.format(
                Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">0</text>", LEFT - 4, HEIGHT - BOTTOM));
        return svg;
    }

    private static void value(StringBuilder svg, double value, double x, double y) {
        svg.append(String.format(
                Locale.ROOT,
                "<text class=\"value\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s</text>",
                x,
                Math.max(y, 12),
                number(value)));
    }

    private static void label(StringBuilder svg, String label, int index, double x, int count) {
        // Crowded axes label every n-th point, so that labels never overlap at the labels' size.
        int every = (int) Math.ceil(count * (double) LABEL_ROOM / (WIDTH - LEFT - RIGHT));
        if (index % Math.max(1, every) != 0) {
            return;
        }
        svg.append(String.format(
                Locale.ROOT,
                "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>",
                x,
                HEIGHT - BOTTOM + 17,
                escape(label)));
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
