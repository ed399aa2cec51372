package io.flowhub.bench;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs a paired scenario adaptively: project and baseline alternate (each repetition swaps which
 * goes first, so a drift of the machine weighs on both alike) until the target's verdict is settled
 * with a margin by the whole confidence interval (a row without a target stops at its fewest), or
 * the scenario's budget of repetitions or time is spent. A repetition taken under foreign load is
 * kept for the record but not counted.
 */
final class Repetitions {

    private static final Logger log = LoggerFactory.getLogger(Repetitions.class);
    /**
     * A settled verdict stops the repetitions early only when its interval clears the limit by this
     * share of the limit; an interval that only just clears it is likely to reach back over it in the
     * next run, so such a row repeats on, narrowing its interval, while its budget lasts.
     */
    static final double FIRM_MARGIN = 0.05;
    /** Fewer clean repetitions than this and the estimates use every repetition, flagged or not. */
    static final int FEWEST_CLEAN = 3;

    /**
     * How much a scenario may repeat.
     *
     * @param fewest at least this many repetitions (clean ones)
     * @param most   at most this many, clean or not
     * @param budget no repetition starts after this long, once {@code fewest} are in
     */
    record Plan(int fewest, int most, Duration budget) {
    }

    /** One side of a repetition: does its untimed work, then times the measured part with the stopwatch. */
    @FunctionalInterface
    interface Side {
        void run(Stopwatch watch) throws Exception;
    }

    private final BenchEnvironment env;
    private final SuiteClock clock;

    Repetitions(BenchEnvironment env, SuiteClock clock) {
        this.env = env;
        this.clock = clock;
    }

    List<Repetition> run(String row, Plan plan, Target target, Side project, Side baseline) throws Exception {
        var repetitions = new ArrayList<Repetition>();
        long began = System.nanoTime();
        Duration budget = clock.share(plan.budget());
        while (repetitions.size() < plan.most()) {
            long repetitionStart = System.nanoTime();
            boolean projectFirst = repetitions.size() % 2 == 0;
            Stopwatch first = timed(projectFirst ? project : baseline, projectFirst);
            Stopwatch second = timed(projectFirst ? baseline : project, !projectFirst);
            Stopwatch projectWatch = projectFirst ? first : second;
            Stopwatch baselineWatch = projectFirst ? second : first;
            var repetition = new Repetition(projectWatch.millis(), baselineWatch.millis(), projectWatch.conditions(),
                    baselineWatch.conditions());
            repetitions.add(repetition);
            log.info("{}: repetition {}: project {} ms, baseline {} ms{} ({} s with seeding)", row, repetitions.size(),
                    fmt(repetition.project()), fmt(repetition.baseline()),
                    repetition.foreignLoad() ? ", under foreign load" : "",
                    Math.round((System.nanoTime() - repetitionStart) / 1e9));
            List<Repetition> counted = counted(repetitions);
            Duration spent = Duration.ofNanos(System.nanoTime() - began);
            if (counted.size() >= plan.fewest()) {
                Estimate figure = target.on() == Target.Figure.PROJECT ? Result.projectMedian(counted)
                        : Result.ratioMedian(counted);
                Verdict verdict = target.verdict(figure);
                log.info("{}: {} repetitions ({} counted), {} {} [{}–{}], {}", row, repetitions.size(), counted.size(),
                        target.on() == Target.Figure.PROJECT ? "figure" : "ratio", fmt(figure.value()),
                        fmt(figure.low()), fmt(figure.high()), verdict.word());
                // why: a row without a target has no verdict to settle; its fewest repetitions give its interval
                boolean settled = target.on() == null || firm(target, figure);
                if (settled || spent.compareTo(budget) >= 0) {
                    break;
                }
            } else if (repetitions.size() >= plan.fewest() && spent.compareTo(budget.multipliedBy(2)) >= 0) {
                // why: the fewest are made whatever the clock says (an interval from fewer says nothing); past
                // them, repetitions flagged for foreign load are replaced only within twice the budget
                log.warn("{}: {} repetitions in twice its budget, too few of them clean; stopping", row,
                        repetitions.size());
                break;
            }
        }
        return List.copyOf(repetitions);
    }

    /** @return whether the interval meets or misses the target with {@link #FIRM_MARGIN} to spare */
    static boolean firm(Target target, Estimate figure) {
        double margin = FIRM_MARGIN * target.limit();
        return switch (target.verdict(figure)) {
            case MET -> figure.high() <= target.limit() - margin;
            case MISSED -> figure.low() >= target.limit() + margin;
            default -> false;
        };
    }

    /** @return the repetitions the estimates count: the clean ones, or all when too few are clean */
    static List<Repetition> counted(List<Repetition> repetitions) {
        var clean = repetitions.stream().filter(repetition -> !repetition.foreignLoad()).toList();
        return clean.size() >= FEWEST_CLEAN ? clean : repetitions;
    }

    private Stopwatch timed(Side side, boolean isProject) throws Exception {
        var watch = new Stopwatch(env, isProject);
        side.run(watch);
        watch.millis();
        return watch;
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
