package io.flowhub.bench;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The heap figures of a JVM's unified garbage-collection log ({@code -Xlog:gc}), which prints each
 * collection as heap before, after and committed, e.g. {@code Pause Young ... 45M->12M(256M) 3.2ms}.
 *
 * @param inUseMib    the most heap in use just before a collection
 * @param retainedMib the most heap left just after one: what the program was holding on to
 */
record GcLog(double inUseMib, double retainedMib) {

    private static final Pattern COLLECTION = Pattern.compile("(\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)");

    static GcLog of(List<String> lines) {
        long inUse = 0;
        long retained = 0;
        for (String line : lines) {
            var collection = COLLECTION.matcher(line);
            if (collection.find()) {
                inUse = Math.max(inUse, kibibytes(collection.group(1), collection.group(2)));
                retained = Math.max(retained, kibibytes(collection.group(3), collection.group(4)));
            }
        }
        return new GcLog(inUse / 1024.0, retained / 1024.0);
    }

    private static long kibibytes(String amount, String unit) {
        long value = Long.parseLong(amount);
        return switch (unit) {
            case "G" -> value * 1024 * 1024;
            case "M" -> value * 1024;
            default -> value;
        };
    }
}
