package io.flowhub.engine;

import org.bson.Document;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What a cleanup job deleted (or, in a dry run, would delete), by {@link Count}: a job's
 * {@code result}, its ledger entries' {@code deleted}, the audit log's {@code counts}. Only the
 * store's mappers and the API's answers see it as a map, under the counts' {@link Count#key() keys}.
 *
 * @param counts each count reported, in {@link Count} order; a count not reported reads as 0
 */
public record CleanupResult(Map<Count, Long> counts) {

    /** Nothing reported: what a job that deletes nothing (a bulk job) carries. */
    public static final CleanupResult NONE = new CleanupResult(Map.of());

    /** What a cleanup counts: documents per collection, and files apart. */
    public enum Count {
        USERS, ITEMS, BULK_JOBS, ACTIVITY_LOGS, OTPS, IDEMPOTENCY_KEYS,
        /** The user's sign-in buckets and cap slots, filed under its pseudonym or id. */
        LIMIT_RECORDS,
        /** One-time codes as sent, kept for test suites ({@code otp_outbox}); not in the seed's {@code otps}. */
        SENT_CODES,
        /** Items the cleanup selected and left alone because an operator holds them; none deleted. */
        HELD,
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
            return this != FILES && this != FILES_FAILED && this != HELD;
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

    /** @return a result of one count */
    public static CleanupResult of(Count count, long value) {
        return NONE.with(count, value);
    }

    /**
     * @param stored the map the store keeps, {@code {"items": 3, "files": 1, ...}}
     * @throws IllegalArgumentException for a name no cleanup reports
     */
    public static CleanupResult fromMap(Map<String, ? extends Number> stored) {
        var counts = new EnumMap<Count, Long>(Count.class);
        stored.forEach((key, value) -> counts.merge(Count.fromKey(key), value.longValue(), Long::sum));
        return new CleanupResult(counts);
    }

    /** @return the map the store keeps and the API answers, reported counts only, in {@link Count} order */
    public Map<String, Long> toMap() {
        var map = new LinkedHashMap<String, Long>();
        counts.forEach((count, value) -> map.put(count.key(), value));
        return map;
    }

    /** @return {@link #toMap()} as the document the store keeps */
    public Document toDocument() {
        return new Document(new LinkedHashMap<String, Object>(toMap()));
    }

    public long get(Count count) {
        return counts.getOrDefault(count, 0L);
    }

    public boolean isEmpty() {
        return counts.isEmpty();
    }

    /** @return this result with {@code count} reported as {@code value} */
    public CleanupResult with(Count count, long value) {
        var changed = new EnumMap<Count, Long>(Count.class);
        changed.putAll(counts);
        changed.put(count, value);
        return new CleanupResult(changed);
    }

    /** @return both results summed, count by count */
    public CleanupResult plus(CleanupResult other) {
        var sum = new EnumMap<Count, Long>(Count.class);
        sum.putAll(counts);
        other.counts.forEach((count, value) -> sum.merge(count, value, Long::sum));
        return new CleanupResult(sum);
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
