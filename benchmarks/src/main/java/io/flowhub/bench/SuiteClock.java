package io.flowhub.bench;

import java.time.Duration;

/**
 * The suite's time budget: each scenario's own budget is cut so that what is left of the suite's
 * covers the scenarios still to come at their fewest repetitions.
 */
final class SuiteClock {

    private final long deadline;
    private final Duration reserve;

    /**
     * @param total   the whole suite's budget
     * @param reserve what the scenarios after the adaptive ones need (B7, the report)
     */
    SuiteClock(Duration total, Duration reserve) {
        this.deadline = System.nanoTime() + total.toNanos();
        this.reserve = reserve;
    }

    /** @return the scenario's budget, or less when the suite's is running out (never below zero) */
    Duration share(Duration wanted) {
        Duration left = Duration.ofNanos(deadline - System.nanoTime()).minus(reserve);
        return left.isNegative() ? Duration.ZERO : wanted.compareTo(left) <= 0 ? wanted : left;
    }
}
