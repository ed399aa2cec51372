package io.flowhub.bench;

/** What a row's interval says of its target. */
enum Verdict {
    /** The whole interval meets the target. */
    MET,
    /** The whole interval misses it. */
    MISSED,
    /** The interval reaches both sides of the limit: more samples, or a quieter machine, might settle it. */
    INCONCLUSIVE,
    /** The row has no target. */
    NONE;

    /** @return how the report and the JSON spell it */
    String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    boolean settled() {
        return this != INCONCLUSIVE;
    }
}
