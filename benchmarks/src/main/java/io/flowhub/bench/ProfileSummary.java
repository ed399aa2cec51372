package io.flowhub.bench;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Reads the flight recordings of a {@code --profile} run, one directory per row and one file per sample, and says
 * where the stack's time went: its CPU samples by who runs them (the database server, Kafka, the services) and by the
 * code on top of the stack (the server's query engine and its H2 store, the driver, BSON serialisation, the project's
 * own code, the web framework); the services' round trips to the database — each command the driver sent, from the
 * services' own {@code flowhub.MongoCommand} events, attributed to the project's method that sent it — and the time
 * they spent waiting for the answers.
 */
final class ProfileSummary {

    private ProfileSummary() {
    }

    /** Summarizes the recordings under a directory again ({@code --profile-summary DIR}), writing its PROFILE.md. */
    public static void main(String[] arguments) throws IOException {
        Path directory = Path.of(arguments[0]);
        Files.writeString(directory.resolve("PROFILE.md"), summarize(directory));
        System.out.println(directory.resolve("PROFILE.md"));
    }

    /** @return the summary as Markdown, one section per row */
    static String summarize(Path directory) throws IOException {
        var out = new StringBuilder("# Where the stack's time goes (JDK Flight Recorder)\n\n")
                .append("Written by `./flowhub bench --profile`. Each row's samples are the project side of its "
                        + "repetitions, recorded on the stack's JVM with JFR's `profile` settings and the services' "
                        + "`flowhub.MongoCommand` events (every command the MongoDB driver sent, with the driver's "
                        + "time for it and the stack that sent it). Figures are per sample (one repetition's "
                        + "project side): the sum over the samples divided by their number.\n");
        try (Stream<Path> rows = Files.list(directory)) {
            for (Path row : rows.filter(Files::isDirectory).sorted().toList()) {
                out.append('\n').append(section(row));
            }
        }
        return out.toString();
    }

    static String section(Path row) throws IOException {
        List<Path> samples;
        try (Stream<Path> files = Files.list(row)) {
            samples = files.filter(file -> file.toString().endsWith(".jfr")).sorted().toList();
        }
        var cpu = new TreeMap<String, Integer>();
        var roundTrips = new LinkedHashMap<String, Integer>();
        var waited = new LinkedHashMap<String, Duration>();
        var serverSamples = new LinkedHashMap<String, Double>();
        var what = new LinkedHashMap<String, Map<String, Integer>>();
        long recorded = 0;
        int cpuSamples = 0;
        for (Path sample : samples) {
            var waits = new ArrayList<Wait>();
            var serverAt = new ArrayList<Instant>();
            for (RecordedEvent event : RecordingFile.readAllEvents(sample)) {
                String type = event.getEventType().getName();
                RecordedStackTrace stack = event.getStackTrace();
                switch (type) {
                    case "jdk.ExecutionSample" -> {
                        cpuSamples++;
                        String category = category(stack);
                        cpu.merge(category, 1, Integer::sum);
                        if (category.startsWith(SERVER)) {
                            serverAt.add(event.getStartTime());
                        }
                    }
                    case "flowhub.MongoCommand" -> {
                        String caller = caller(stack);
                        Duration elapsed = Duration.ofNanos(event.getLong("elapsed"));
                        roundTrips.merge(caller, 1, Integer::sum);
                        waited.merge(caller, elapsed, Duration::plus);
                        what.computeIfAbsent(caller, ignored -> new TreeMap<>()).merge(
                                event.getString("command") + " " + event.getString("collection"), 1, Integer::sum);
                        waits.add(new Wait(caller, event.getEndTime().minus(elapsed), event.getEndTime()));
                    }
                    default -> {
                    }
                }
            }
            attribute(serverAt, waits, serverSamples);
            recorded++;
        }
        double n = Math.max(1, recorded);
        int allSamples = Math.max(1, cpuSamples);
        var out = new StringBuilder("## ").append(row.getFileName()).append("\n\n")
                .append(String.format(Locale.ROOT, "%d samples; %d CPU samples of the stack's threads (about every "
                        + "10–20 ms of a running thread).%n%n", recorded, cpuSamples))
                .append("| CPU: who, and the code on top | share |\n| --- | --- |\n");
        cpu.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(entry -> out.append(String.format(Locale.ROOT, "| %s | %.0f %% |%n", entry.getKey(),
                        100.0 * entry.getValue() / allSamples)));
        int trips = roundTrips.values().stream().mapToInt(Integer::intValue).sum();
        long waitedMillis = waited.values().stream().mapToLong(Duration::toMillis).sum();
        double serverTotal = serverSamples.values().stream().mapToDouble(Double::doubleValue).sum();
        out.append(String.format(Locale.ROOT, "%nRound trips to the database per sample: %.1f; the services waited "
                + "%.0f ms per sample for the answers. The server's CPU samples are laid to the calls that were "
                + "waiting for it when they were taken (%.0f of them; shared between calls waiting together).%n%n",
                trips / n, waitedMillis / n, serverTotal))
                .append("| made by | commands | round trips per sample | waiting per sample (ms) | server CPU samples |\n"
                        + "| --- | --- | --- | --- | --- |\n");
        roundTrips.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(entry -> out.append(String.format(Locale.ROOT, "| `%s` | %s | %.1f | %.1f | %.0f |%n",
                        entry.getKey(), String.join(", ", what.getOrDefault(entry.getKey(), Map.of()).keySet()),
                        entry.getValue() / n, waited.getOrDefault(entry.getKey(), Duration.ZERO).toNanos() / 1e6 / n,
                        serverSamples.getOrDefault(entry.getKey(), 0.0))));
        double idle = serverSamples.getOrDefault("(no call waiting)", 0.0);
        if (idle > 0) {
            out.append(String.format(Locale.ROOT, "%nThe server's CPU samples taken while no call of the services "
                    + "waited for it (its background work: H2's commits, cursors' look-ahead): %.0f.%n", idle));
        }
        return out.toString();
    }

    private static final String SERVER = "database server";

    /** A call of the services waiting for the database's answer. */
    record Wait(String caller, Instant from, Instant to) {
    }

    /** Lays each of the server's CPU samples to the calls waiting for it at that moment, in equal shares. */
    static void attribute(List<Instant> serverAt, List<Wait> waits, Map<String, Double> into) {
        for (Instant at : serverAt) {
            List<Wait> waiting = waits.stream().filter(wait -> !at.isBefore(wait.from()) && !at.isAfter(wait.to()))
                    .toList();
            String[] callers = waiting.isEmpty() ? new String[] {"(no call waiting)"}
                    : waiting.stream().map(Wait::caller).toArray(String[]::new);
            for (String caller : callers) {
                into.merge(caller, 1.0 / callers.length, Double::sum);
            }
        }
    }

    /** @return who ran the sample (server, Kafka, services) and the kind of code on top of its stack, the JDK's aside */
    static String category(RecordedStackTrace stack) {
        if (stack == null || stack.getFrames().isEmpty()) {
            return "unknown";
        }
        List<RecordedFrame> frames = stack.getFrames();
        String who = who(frames);
        // why: the JDK's own frames on top (a HashMap, a regex, Java serialisation) count for the code that called them
        String top = frames.stream().map(ProfileSummary::className)
                .filter(name -> !name.startsWith("java.") && !name.startsWith("jdk.") && !name.startsWith("sun."))
                .findFirst().orElse("java.");
        return who + ": " + switch (who) {
            case SERVER -> top.startsWith("org.h2.") ? "H2 store"
                    : top.startsWith("de.bwaldvogel.mongo.wire") || top.startsWith("de.bwaldvogel.mongo.bson")
                    ? "wire protocol and BSON" : top.startsWith("de.bwaldvogel.") ? "query engine"
                    : top.startsWith("io.netty.") ? "network (netty)" : "JDK and other";
            case "Kafka" -> "broker and clients";
            default -> top.startsWith("org.bson.") ? "BSON serialisation (driver)"
                    : top.startsWith("com.mongodb.") ? "MongoDB driver"
                    : top.startsWith("io.flowhub.") ? "project code"
                    : top.startsWith("tools.jackson.") || top.startsWith("com.fasterxml.") ? "JSON (Jackson)"
                    : top.startsWith("org.springframework.") || top.startsWith("org.apache.catalina.")
                            || top.startsWith("org.apache.tomcat.") || top.startsWith("org.apache.coyote.")
                    ? "web framework" : top.startsWith("io.micrometer.") ? "metrics"
                    : top.startsWith("ch.qos.") || top.startsWith("org.slf4j.") ? "logging" : "JDK and other";
        };
    }

    private static String who(List<RecordedFrame> frames) {
        boolean kafka = false;
        for (RecordedFrame frame : frames) {
            String name = className(frame);
            if (name.startsWith("de.bwaldvogel.mongo.") || name.startsWith("org.h2.")) {
                return SERVER;
            }
            if (name.startsWith("io.flowhub.") || name.startsWith("com.mongodb.")) {
                return "services";
            }
            kafka |= name.startsWith("org.apache.kafka.") || name.startsWith("kafka.");
        }
        return kafka ? "Kafka" : "services";
    }

    /** @return the project's first method on the stack, {@code Class.method}, or "driver (no project frame)" */
    static String caller(RecordedStackTrace stack) {
        return stack.getFrames().stream()
                .filter(frame -> className(frame).startsWith("io.flowhub.") && !className(frame).contains("StoreException")
                        && !className(frame).startsWith("io.flowhub.wiring.MongoCommandEvents"))
                .findFirst()
                .map(frame -> simpleName(className(frame)) + "." + methodName(frame.getMethod().getName()))
                .orElse("driver (no project frame)");
    }

    private static String className(RecordedFrame frame) {
        return frame.getMethod() == null || frame.getMethod().getType() == null ? ""
                : frame.getMethod().getType().getName();
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    /** @return a lambda's enclosing method ({@code lambda$record$0} is {@code record}), any other name as it is */
    private static String methodName(String name) {
        return name.startsWith("lambda$") ? name.split("\\$")[1] : name;
    }
}
