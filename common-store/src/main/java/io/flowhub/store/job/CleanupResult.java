package io.flowhub.store.job;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What a cleanup job deleted (or, in a dry run, would delete), by {@link Count}: the one list of
 * the names a job's {@code result} and its ledger entries' {@code deleted} use. The store keeps the
 * counts as a map under those names; readers take them through this record.
 *
 * @param counts each count the job reported; a count it did not report is 0
 */
public record CleanupResult(Map<Count, Long> counts) {

    /** What a cleanup counts: documents per collection, and files apart. */
    public enum Count {
        USERS, ITEMS, BULK_JOBS, ACTIVITY_LOGS, OTPS, IDEMPOTENCY_KEYS,
        /** Item files removed from the files root. */
        FILES,
        /** Item files that could not be removed; the orphan sweep tries them again. */
        FILES_FAILED;

        /** @return the name in the store and in the API's answers: {@code items}, {@code bulk_jobs}, ... */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** @return true for documents deleted; files are counted apart */
        public boolean isDocuments() {
            return this != FILES && this != FILES_FAILED;
        }

        /** @throws IllegalArgumentException for a name no cleanup reports */
        public static Count fromKey(String key) {
            return Arrays.stream(values()).filter(count -> count.key().equals(key)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("No cleanup counts '" + key + "'"));
        }
    }

    public CleanupResult {
        var copy = new EnumMap<Count, Long>(Count.class);
        copy.putAll(counts);
        counts = Collections.unmodifiableMap(copy);
    }

    /** @return the result the store keeps as {@code {"items": 3, "files": 1, ...}} */
    public static CleanupResult of(Map<String, Long> stored) {
        var counts = new EnumMap<Count, Long>(Count.class);
        stored.forEach((key, value) -> counts.merge(Count.fromKey(key), value, Long::sum));
        return new CleanupResult(counts);
    }

    public long get(Count count) {
        return counts.getOrDefault(count, 0L);
    }

    /** @return every document deleted, files left out */
    public long documents() {
        return counts.entrySet().stream().filter(entry -> entry.getKey().isDocuments())
                .mapToLong(Map.Entry::getValue).sum();
    }

    /** @return the named counts under their keys, in the order named, 0 for those not reported */
    public Map<String, Long> select(Count... names) {
        var selected = new LinkedHashMap<String, Long>();
        for (Count name : names) {
            selected.put(name.key(), get(name));
        }
        return selected;
    }
}
