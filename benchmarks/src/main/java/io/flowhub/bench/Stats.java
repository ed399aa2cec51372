package io.flowhub.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Samples of one measurement, in milliseconds, and what the report says of them. */
record Stats(List<Double> samples) {

    Stats {
        samples = List.copyOf(samples);
    }

    static Stats of(List<Double> samples) {
        return new Stats(samples);
    }

    /** The middle sample, or the mean of the middle two when the count is even. */
    double median() {
        var sorted = sorted();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    double min() {
        return sorted().getFirst();
    }

    double max() {
        return sorted().getLast();
    }

    /** Nearest-rank percentile. */
    double percentile(double p) {
        var sorted = sorted();
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    private List<Double> sorted() {
        var sorted = new ArrayList<>(samples);
        Collections.sort(sorted);
        return sorted;
    }
}
