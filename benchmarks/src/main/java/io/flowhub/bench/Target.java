package io.flowhub.bench;

/**
 * A target the issues set for a scenario, in words, and the test of whether a result meets it:
 * a figure (the ratio, or the project's own figure) that must stay at or below a limit, or under
 * it. The test is made on the figure's whole confidence interval, never on its point alone.
 *
 * @param text    the target as the report shows it
 * @param on      which figure the target bounds; null when the row has no target
 * @param limit   the bound
 * @param strict  true when the figure must stay under the limit, false when it may reach it
 */
record Target(String text, Figure on, double limit, boolean strict) {

    /** The figure of a row a target bounds. */
    enum Figure {
        RATIO, PROJECT
    }

    static final Target NONE = new Target("—", null, 0, false);

    static Target ratioAtMost(double limit) {
        return new Target("ratio ≤ " + number(limit), Figure.RATIO, limit, false);
    }

    /** @param text how the target reads, e.g. "p99 ≤ 3× the no-op's" */
    static Target ratioAtMost(double limit, String text) {
        return new Target(text, Figure.RATIO, limit, false);
    }

    /** @param text how the target reads, e.g. "p99 ≤ 50 ms" */
    static Target figureAtMost(double limit, String text) {
        return new Target(text, Figure.PROJECT, limit, false);
    }

    /** @param text how the target reads, e.g. "under 1 s end to end" */
    static Target figureUnder(double limit, String text) {
        return new Target(text, Figure.PROJECT, limit, true);
    }

    /** @return met only if the whole interval meets the target, missed only if the whole interval misses it */
    Verdict verdict(Estimate figure) {
        if (on == null) {
            return Verdict.NONE;
        }
        boolean allMeet = strict ? figure.high() < limit : figure.high() <= limit;
        boolean allMiss = strict ? figure.low() >= limit : figure.low() > limit;
        return allMeet ? Verdict.MET : allMiss ? Verdict.MISSED : Verdict.INCONCLUSIVE;
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
