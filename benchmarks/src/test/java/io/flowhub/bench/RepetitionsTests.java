package io.flowhub.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RepetitionsTests {

    private static final Conditions QUIET = new Conditions(0.05, 0.4, 0, 0);
    private static final Conditions BUSY = new Conditions(0.9, 3.0, 0, 0);

    @Test
    void repetitionsUnderForeignLoadAreKeptButNotCounted() {
        var repetitions = List.of(new Repetition(10, 5, QUIET, QUIET), new Repetition(40, 5, BUSY, QUIET),
                new Repetition(11, 5, QUIET, QUIET), new Repetition(12, 6, QUIET, QUIET));

        assertThat(Repetitions.counted(repetitions)).hasSize(3).noneMatch(Repetition::foreignLoad);
    }

    @Test
    void withTooFewCleanRepetitionsEveryOneIsCounted() {
        var repetitions = List.of(new Repetition(10, 5, QUIET, QUIET), new Repetition(40, 5, BUSY, QUIET),
                new Repetition(11, 5, QUIET, BUSY));

        assertThat(Repetitions.counted(repetitions)).hasSize(3);
    }

    @Test
    void aRowsRatioIsTheMedianOfEachRepetitionsOwnRatio() {
        var result = Result.ofRepetitions("B3", "Tag cleanup", "x", "ms", Target.ratioAtMost(1.5), List.of(
                new Repetition(12, 10, QUIET, QUIET), new Repetition(30, 20, QUIET, QUIET),
                new Repetition(26, 20, QUIET, QUIET)), "note");

        assertThat(result.ratio().value()).isEqualTo(1.3);
        assertThat(result.project().value()).isEqualTo(26);
        assertThat(result.baseline().value()).isEqualTo(20);
        assertThat(result.verdict()).isEqualTo(Verdict.MET);
    }

    @Test
    void aVerdictIsFirmOnlyWhenItsIntervalClearsTheLimitByAMargin() {
        var target = Target.ratioAtMost(2);

        assertThat(Repetitions.firm(target, new Estimate(1.2, 0.6, 1.89))).isTrue();
        assertThat(Repetitions.firm(target, new Estimate(1.2, 0.6, 1.95))).isFalse();
        assertThat(Repetitions.firm(target, new Estimate(2.5, 2.11, 3))).isTrue();
        assertThat(Repetitions.firm(target, new Estimate(2.5, 2.05, 3))).isFalse();
        assertThat(Repetitions.firm(target, new Estimate(2, 1.5, 2.5))).isFalse();
    }

    @Test
    void unknownConditionsAreNeverForeignLoad() {
        assertThat(Conditions.UNKNOWN.foreignLoad()).isFalse();
    }
}
