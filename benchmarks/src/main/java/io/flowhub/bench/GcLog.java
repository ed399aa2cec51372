package io.flowhub.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The heap figures of a JVM's unified garbage-collection log ({@code -Xlog:gc}), which prints each
 * collection as heap before, after and committed, e.g. {@code Pause Young ... 45M->12M(256M) 3.2ms}.
 *
 * @param beforeMib the heap in use just before each collection, in order
 * @param afterMib  the heap left just after each collection: what the program was holding on to
 */
record GcLog(List<Double> beforeMib, List<Double> afterMib) {

    private static final Pattern COLLECTION = Pattern.compile("(\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)");

    static GcLog of(List<String> lines) {
        var before = new ArrayList<Double>();
        var after = new ArrayList<Double>();
        for (String line : lines) {
            var collection = COLLECTION.matcher(line);
            if (collection.find()) {
                before.add(kibibytes(collection.group(1), collection.group(2)) / 1024.0);
                after.add(kibibytes(collection.group(3), collection.group(4)) / 1024.0);
            }
        }
        return new GcLog(List.copyOf(before), List.copyOf(after));
    }

    /** @return the most heap in use just before a collection, 0 without one */
    double inUseMib() {
        return beforeMib.stream().mapToDouble(Double::doubleValue).max().orElse(0);
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
