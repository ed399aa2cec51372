package io.flowhub.bench;

/**
 * A figure and its 95 % confidence interval.
 *
 * @param value the statistic on the samples as measured
 * @param low   the interval's lower end
 * @param high  the interval's upper end
 */
record Estimate(double value, double low, double high) {

    Estimate {
        if (low > value || value > high) {
            // why: a percentile interval of a skewed statistic may sit to one side of the point; widen to hold it
            low = Math.min(low, value);
            high = Math.max(high, value);
        }
    }

    /** A figure measured once, whose interval is the figure itself. */
    static Estimate single(double value) {
        return new Estimate(value, value, value);
    }

    boolean contains(double figure) {
        return low <= figure && figure <= high;
    }

    /** @return the interval's width relative to the figure: 0.2 means it spans a fifth of it */
    double relativeWidth() {
        return (high - low) / Math.max(Math.abs(value), 1e-9);
    }

    /** @return this estimate divided by a positive constant */
    Estimate dividedBy(double divisor) {
        return new Estimate(value / divisor, low / divisor, high / divisor);
    }
}
