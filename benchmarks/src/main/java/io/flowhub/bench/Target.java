package io.flowhub.bench;

import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * A target the issue sets for a scenario, in words, and the test of whether a result meets it:
 * a figure (the ratio, or the project's own figure) that must stay at or below a limit, or under it.
 *
 * @param text    the target as the report shows it
 * @param measure the figure the target bounds; null when the row has no target
 * @param limit   the bound
 * @param strict  true when the figure must stay under the limit, false when it may reach it
 */
record Target(String text, ToDoubleFunction<Result> measure, double limit, boolean strict) {

    static final Target NONE = new Target("—", null, 0, false);

    static Target ratioAtMost(double limit) {
        return new Target("ratio ≤ " + number(limit), Result::ratio, limit, false);
    }

    /** @param text how the target reads, e.g. "p99 ≤ 3× the no-op's" */
    static Target ratioAtMost(double limit, String text) {
        return new Target(text, Result::ratio, limit, false);
    }

    /** @param text how the target reads, e.g. "p99 ≤ 50 ms" */
    static Target figureAtMost(double limit, String text) {
        return new Target(text, Result::projectFigure, limit, false);
    }

    /** @param text how the target reads, e.g. "under 1 s end to end" */
    static Target figureUnder(double limit, String text) {
        return new Target(text, Result::projectFigure, limit, true);
    }

    /** @return whether the result meets the target, empty when there is none */
    Optional<Boolean> metBy(Result result) {
        if (measure == null) {
            return Optional.empty();
        }
        double figure = measure.applyAsDouble(result);
        return Optional.of(strict ? figure < limit : figure <= limit);
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
