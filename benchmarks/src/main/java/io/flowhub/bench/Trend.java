package io.flowhub.bench;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Each row's change between two results files: the ratio before and after, each with its interval,
 * and whether the change is real — only when the new ratio lies outside the old interval and the old
 * ratio outside the new one. A ratio without an interval (measured once, or from a file written
 * before intervals were kept) is compared as a point, and its change is never called real.
 */
final class Trend {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Trend() {
    }

    /** One row's ratio and interval in a results file. */
    record Row(String key, Estimate ratio, String verdict) {
    }

    static String compare(Path older, Path newer) throws IOException {
        return compare(rows(older), rows(newer), older.toString(), newer.toString());
    }

    static String compare(Map<String, Row> older, Map<String, Row> newer, String olderName, String newerName) {
        var text = new StringBuilder();
        text.append("Ratios of ").append(newerName).append(" against ").append(olderName)
                .append(" (a change is real only when each ratio lies outside the other's 95 % interval):\n\n");
        for (Row now : newer.values()) {
            Row before = older.get(now.key());
            if (before == null) {
                text.append(String.format(Locale.ROOT, "  %-62s new row: %s%n", now.key(), interval(now.ratio())));
                continue;
            }
            double change = (now.ratio().value() - before.ratio().value()) / before.ratio().value();
            // why: a figure measured once (B7's peak, or any row of a file written before intervals) has no
            // interval to fall outside of, so no change of it can be told from noise
            boolean measured = before.ratio().low() < before.ratio().high() && now.ratio().low() < now.ratio().high();
            boolean real = measured && !before.ratio().contains(now.ratio().value())
                    && !now.ratio().contains(before.ratio().value());
            String verdicts = before.verdict().equals(now.verdict()) ? now.verdict()
                    : before.verdict() + " → " + now.verdict();
            text.append(String.format(Locale.ROOT, "  %-62s %s → %s  %+.0f %%  %s  (%s)%n", now.key(),
                    interval(before.ratio()), interval(now.ratio()), change * 100,
                    !measured ? "no interval to judge by" : real ? (change < 0 ? "REAL: better" : "REAL: worse")
                            : "within noise", verdicts));
        }
        older.keySet().stream().filter(key -> !newer.containsKey(key))
                .forEach(key -> text.append(String.format(Locale.ROOT, "  %-62s no longer measured%n", key)));
        return text.toString();
    }

    static Map<String, Row> rows(Path file) throws IOException {
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException("No results file at " + file + ": give a results.json that "
                    + "./flowhub bench wrote (for example benchmarks/runs/<run>.json)");
        }
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(file + " is not JSON: " + e.getMessage());
        }
        if (!root.has("results")) {
            throw new IllegalArgumentException(file + " is not a results file of ./flowhub bench (it has no \"results\")");
        }
        var rows = new LinkedHashMap<String, Row>();
        for (JsonNode row : root.get("results")) {
            String key = row.get("id").asString() + " " + row.get("title").asString() + ", " + row.get("size").asString();
            JsonNode ratio = row.get("ratio");
            Estimate estimate = ratio.isNumber() ? Estimate.single(ratio.asDouble())
                    : new Estimate(ratio.get("value").asDouble(), ratio.get("ci_low").asDouble(),
                            ratio.get("ci_high").asDouble());
            String verdict = row.has("verdict") ? row.get("verdict").asString()
                    : row.has("target_met") && !row.get("target_met").isNull()
                            ? (row.get("target_met").asBoolean() ? "met" : "missed") : "none";
            rows.put(key, new Row(key, estimate, verdict));
        }
        return rows;
    }

    private static String interval(Estimate ratio) {
        return ratio.low() == ratio.high() ? String.format(Locale.ROOT, "%.2f", ratio.value())
                : String.format(Locale.ROOT, "%.2f [%.2f–%.2f]", ratio.value(), ratio.low(), ratio.high());
    }
}
