package io.flowhub.bench;

/**
 * One line of the report: the project's figure beside its baseline's, measured in the same run.
 *
 * @param id        B1..B7
 * @param title     what was measured
 * @param size      the workload
 * @param project   the project's samples, in {@code unit}
 * @param baseline  the baseline's samples, in {@code unit}
 * @param statistic "median", "p99" or "peak" (the largest sample): the figure the ratio compares
 * @param unit      "ms" or "MiB"
 * @param target    the target the issue sets
 * @param note      what the reader should know
 */
record Result(String id, String title, String size, Stats project, Stats baseline, String statistic, String unit,
              Target target, String note) {

    double projectFigure() {
        return figure(project);
    }

    double baselineFigure() {
        return figure(baseline);
    }

    double figure(Stats stats) {
        return switch (statistic) {
            case "p99" -> stats.percentile(99);
            case "peak" -> stats.max();
            default -> stats.median();
        };
    }

    /** @return whether the result meets its target, empty when it has none */
    java.util.Optional<Boolean> targetMet() {
        return target.metBy(this);
    }

    double ratio() {
        return projectFigure() / Math.max(baselineFigure(), 0.001);
    }
}
