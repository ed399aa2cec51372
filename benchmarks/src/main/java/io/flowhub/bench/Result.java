package io.flowhub.bench;

import java.util.List;

/**
 * One line of the report: the project's figure beside its baseline's, measured in the same run,
 * each with its 95 % confidence interval, and the ratio between them with its own.
 *
 * @param id          B1..B8
 * @param title       what was measured
 * @param size        the workload
 * @param statistic   what a figure is: "median" of the repetitions, "p99" of latencies, "peak" of one job's heap
 * @param unit        "ms" or "MiB"
 * @param project     the project's figure
 * @param baseline    the baseline's figure
 * @param ratio       project ÷ baseline, as the row computes it (for repetitions: the median of their ratios)
 * @param target      the target the issues set
 * @param repetitions every repetition, those under foreign load included
 * @param note        what the reader should know
 */
record Result(String id, String title, String size, String statistic, String unit, Estimate project,
              Estimate baseline, Estimate ratio, Target target, List<Repetition> repetitions, String note) {

    Result {
        repetitions = List.copyOf(repetitions);
    }

    /**
     * A row of repetitions: figures are medians, the ratio is the median of each repetition's own ratio
     * (project over the baseline measured right beside it), intervals by bootstrap over the repetitions
     * counted — those not under foreign load.
     */
    static Result ofRepetitions(String id, String title, String size, String unit, Target target,
            List<Repetition> repetitions, String note) {
        var counted = Repetitions.counted(repetitions);
        return new Result(id, title, size, "median", unit, projectMedian(counted),
                Bootstrap.median(counted.stream().map(Repetition::baseline).toList()), ratioMedian(counted), target,
                repetitions, note);
    }

    static Estimate projectMedian(List<Repetition> repetitions) {
        return Bootstrap.median(repetitions.stream().map(Repetition::project).toList());
    }

    static Estimate ratioMedian(List<Repetition> repetitions) {
        return Bootstrap.median(repetitions.stream().map(Repetition::ratio).toList());
    }

    /** @return the verdict of the target on the figure it bounds, taken on the whole interval */
    Verdict verdict() {
        return target.verdict(target.on() == Target.Figure.PROJECT ? project : ratio);
    }

    long foreignLoadRepetitions() {
        return repetitions.stream().filter(Repetition::foreignLoad).count();
    }

    /** @return the repetitions the figures count */
    int counted() {
        return Repetitions.counted(repetitions).size();
    }
}
