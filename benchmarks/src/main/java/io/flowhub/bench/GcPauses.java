package io.flowhub.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The garbage-collection pauses of a JVM started with {@code -Xlog:gc:file=<path>:time}, which
 * prints each pause with the wall-clock time it ended, e.g.
 * {@code [2026-11-27T18:20:01.123+0000] GC(12) Pause Young (Normal) (G1 Evacuation Pause) 100M->20M(512M) 5.123ms}.
 *
 * @param pauses every pause, in order
 */
record GcPauses(List<Pause> pauses) {

    /** One pause: when it ended and how long it lasted. */
    record Pause(Instant end, double millis) {
    }

    private static final Pattern PAUSE = Pattern.compile("^\\[([^\\]]+)\\].*\\bPause\\b.*?([0-9.]+)ms\\s*$");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    static GcPauses of(List<String> lines) {
        var pauses = new ArrayList<Pause>();
        for (String line : lines) {
            var pause = PAUSE.matcher(line);
            if (pause.find()) {
                try {
                    pauses.add(new Pause(OffsetDateTime.parse(pause.group(1), TIME).toInstant(),
                            Double.parseDouble(pause.group(2))));
                } catch (DateTimeParseException | NumberFormatException e) {
                    // why: a line of another decoration (uptime only) says nothing of when it happened
                }
            }
        }
        return new GcPauses(List.copyOf(pauses));
    }

    /** Reads the log as it is now; a log not yet written has no pauses. */
    static GcPauses read(Path log) {
        try {
            return Files.exists(log) ? of(Files.readAllLines(log)) : new GcPauses(List.of());
        } catch (IOException e) {
            return new GcPauses(List.of());
        }
    }

    /** @return the milliseconds of pauses that ended in the window, a pause's length clipped to the window */
    double millisBetween(Instant start, Instant end) {
        double total = 0;
        for (Pause pause : pauses) {
            if (!pause.end().isBefore(start) && !pause.end().isAfter(end)) {
                double sinceStart = (pause.end().toEpochMilli() - start.toEpochMilli());
                total += Math.min(pause.millis(), Math.max(sinceStart, 0));
            }
        }
        return total;
    }
}
