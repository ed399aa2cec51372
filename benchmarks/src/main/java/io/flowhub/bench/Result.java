package io.flowhub.bench;

/**
 * One line of the report: the project's figure beside its baseline's, measured in the same run.
 *
 * @param id        B1..B7
 * @param title     what was measured
 * @param size      the workload
 * @param project   the project's samples (ms), or null when not measured
 * @param baseline  the baseline's samples (ms), or null
 * @param statistic "median" or "p99", the figure the ratio compares
 * @param target    the target the issue sets, in words
 * @param note      what the reader should know
 */
record Result(String id, String title, String size, Stats project, Stats baseline, String statistic, String target,
              String note) {

    double projectFigure() {
        return statistic.equals("p99") ? project.percentile(99) : project.median();
    }

    double baselineFigure() {
        return statistic.equals("p99") ? baseline.percentile(99) : baseline.median();
    }

    double ratio() {
        return projectFigure() / Math.max(baselineFigure(), 0.001);
    }
}
