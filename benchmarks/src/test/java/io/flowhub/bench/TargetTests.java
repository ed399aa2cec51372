package io.flowhub.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class TargetTests {

    private static Result result(double project, double baseline, Target target) {
        return new Result("B3", "Tag cleanup (hard)", "50 of 100 items", Stats.of(List.of(project)),
                Stats.of(List.of(baseline)), "median", "ms", target, "baseline: one deleteMany");
    }

    @Test
    void aRatioTargetIsMetUpToItsLimitInclusive() {
        assertThat(result(150, 100, Target.ratioAtMost(1.5)).targetMet()).contains(true);
        assertThat(result(151, 100, Target.ratioAtMost(1.5)).targetMet()).contains(false);
        assertThat(Target.ratioAtMost(1.5).text()).isEqualTo("ratio ≤ 1.5");
        assertThat(Target.ratioAtMost(2).text()).isEqualTo("ratio ≤ 2");
    }

    @Test
    void aFigureTargetBoundsTheProjectsOwnFigureAndUnderIsStrict() {
        assertThat(result(1_000, 1, Target.figureUnder(1_000, "under 1 s")).targetMet()).contains(false);
        assertThat(result(999, 1, Target.figureUnder(1_000, "under 1 s")).targetMet()).contains(true);
        assertThat(result(50, 1, Target.figureAtMost(50, "p99 ≤ 50 ms")).targetMet()).contains(true);
    }

    @Test
    void aRowWithoutATargetIsNeitherMetNorMissed() {
        assertThat(result(10, 1, Target.NONE).targetMet()).isEqualTo(Optional.empty());
    }

    @Test
    void theReportMarksEachTargetAndNamesTheMissedOnesWithTheReason(@TempDir Path directory) throws Exception {
        var met = result(120, 100, Target.ratioAtMost(1.5));
        var missed = new Result("B2", "Per-user purge", "10 items", Stats.of(List.of(400.0)), Stats.of(List.of(100.0)),
                "median", "ms", Target.ratioAtMost(1.5), "baseline: deleteMany per collection");

        ResultsWriter.write(directory, List.of(met, missed), "the embedded mongo-java-server", Duration.ofSeconds(1));

        String report = Files.readString(directory.resolve("RESULTS.md"));
        assertThat(report).contains("| **1.20** | ratio ≤ 1.5: met |", "| **4.00** | ratio ≤ 1.5: **missed** |",
                "Missed: B2 (10 items).", ResultsWriter.WHY_ON_THE_EMBEDDED_SERVER, ResultsWriter.WHY_ELSE.get("B2"));
        assertThat(report).doesNotContain(ResultsWriter.WHY_ELSE.get("B1"));
        assertThat(Files.readString(directory.resolve("results.json"))).contains("\"target_met\" : false");
    }

    @Test
    void aReportWithEveryTargetMetHasNoParagraphOnMisses(@TempDir Path directory) throws Exception {
        ResultsWriter.write(directory, List.of(result(120, 100, Target.ratioAtMost(1.5))),
                "the embedded mongo-java-server", Duration.ofSeconds(1));

        assertThat(Files.readString(directory.resolve("RESULTS.md"))).doesNotContain("Where a target is missed");
    }
}
