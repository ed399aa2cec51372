package io.flowhub.stack;

import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** The repository's own files the operations tests read: the compose file, Prometheus' rules, Grafana's dashboard. */
final class RepoFiles {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final Path PROMETHEUS = ROOT.resolve("ops/prometheus");
    static final Path ALERTS = PROMETHEUS.resolve("alerts.yml");
    static final Path ALERT_TESTS = PROMETHEUS.resolve("alerts.test.yml");
    static final Path DASHBOARD = ROOT.resolve("ops/grafana/dashboards/flowhub.json");

    /** why: a metric is named as a selector's start (before '{', '[', ')' or an operator), never inside a string */
    private static final Pattern METRIC = Pattern.compile("(?<![\\w\"])((?:flowhub|http|jvm|process)_[a-z0-9_]+|up)(?=\\s*[{\\[)]|\\s*$|\\s+[^\\s(])");

    private RepoFiles() {
    }

    static Map<String, Object> yaml(Path file) {
        return new Yaml().load(read(file));
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + file, e);
        }
    }

    /** @return the list of maps under {@code key}, empty when there is none */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> maps(Map<String, Object> tree, String key) {
        Object value = tree.get(key);
        return value == null ? List.of() : (List<Map<String, Object>>) value;
    }

    /** @return the metric names the PromQL expressions select */
    static Set<String> metricNames(List<String> expressions) {
        var names = new TreeSet<String>();
        for (String expression : expressions) {
            METRIC.matcher(expression).results().forEach(match -> names.add(match.group(1)));
        }
        return names;
    }
}
