package io.flowhub.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TargetTests {

    private static final Conditions QUIET = new Conditions(0.01, 0.5, 0, 0);
    private static final Servers EMBEDDED = new Servers("the embedded KRaft broker",
            "the embedded mongo-java-server", true);

    private static Result result(Estimate ratio, Target target) {
        return new Result("B3", "Tag cleanup (hard)", "50 of 100 items", "median", "ms", new Estimate(150, 140, 160),
                new Estimate(100, 95, 105), ratio, target, List.of(new Repetition(150, 100, QUIET, QUIET)),
                "baseline: one deleteMany");
    }

    @Test
    void aTargetIsMetOnlyWhenTheWholeIntervalMeetsIt() {
        var target = Target.ratioAtMost(1.5);

        assertThat(target.verdict(new Estimate(1.2, 1.1, 1.5))).isEqualTo(Verdict.MET);
        assertThat(target.verdict(new Estimate(1.2, 1.1, 1.51))).isEqualTo(Verdict.INCONCLUSIVE);
    }

    @Test
    void aTargetIsMissedOnlyWhenTheWholeIntervalMissesIt() {
        var target = Target.ratioAtMost(1.5);

        assertThat(target.verdict(new Estimate(2.0, 1.51, 2.4))).isEqualTo(Verdict.MISSED);
        assertThat(target.verdict(new Estimate(2.0, 1.5, 2.4))).isEqualTo(Verdict.INCONCLUSIVE);
    }

    @Test
    void anUnderTargetIsStrictAtItsLimit() {
        var target = Target.figureUnder(1_000, "under 1 s");

        assertThat(target.verdict(new Estimate(900, 800, 999))).isEqualTo(Verdict.MET);
        assertThat(target.verdict(new Estimate(900, 800, 1_000))).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(target.verdict(new Estimate(1_100, 1_000, 1_200))).isEqualTo(Verdict.MISSED);
    }

    @Test
    void aRowWithoutATargetHasNoVerdict() {
        assertThat(Target.NONE.verdict(new Estimate(10, 1, 100))).isEqualTo(Verdict.NONE);
    }

    @Test
    void aFigureTargetJudgesTheProjectsFigureNotTheRatio() {
        var row = result(new Estimate(9, 8, 10), Target.figureAtMost(200, "p99 ≤ 200 ms"));

        assertThat(row.verdict()).isEqualTo(Verdict.MET);
    }

    @Test
    void theTextsReadAsTheIssuesWriteThem() {
        assertThat(Target.ratioAtMost(1.5).text()).isEqualTo("ratio ≤ 1.5");
        assertThat(Target.ratioAtMost(2).text()).isEqualTo("ratio ≤ 2");
    }

    @Test
    void theReportGivesEachRatioItsIntervalAndVerdictAndExplainsMissesAndInconclusiveRows(@TempDir Path directory)
            throws Exception {
        var met = result(new Estimate(1.2, 1.1, 1.3), Target.ratioAtMost(1.5));
        var missed = new Result("B2", "Per-user purge", "10 items", "median", "ms", new Estimate(400, 390, 410),
                new Estimate(100, 95, 105), new Estimate(4, 3.8, 4.2), Target.ratioAtMost(1.5),
                List.of(new Repetition(400, 100, QUIET, QUIET)), "baseline: deleteMany per collection");
        var near = new Result("B4", "Full reset", "100 documents", "median", "ms", new Estimate(200, 150, 250),
                new Estimate(100, 95, 105), new Estimate(2, 1.5, 2.5), Target.ratioAtMost(2),
                List.of(new Repetition(200, 100, QUIET, QUIET)), "baseline: deleteMany on each collection");

        String json = ResultsWriter.write(directory, List.of(met, missed, near),
                new ResultsWriter.Run(EMBEDDED, 2, "one JVM each", Duration.ofSeconds(1)));

        String report = Files.readString(directory.resolve("RESULTS.md"));
        assertThat(report).contains("| **1.20** [1.10–1.30] | 1 | ratio ≤ 1.5 | met |",
                "| **4.00** [3.80–4.20] | 1 | ratio ≤ 1.5 | **missed** |", "| ratio ≤ 2 | *inconclusive* |",
                "Missed: B2 (10 items).", "**Inconclusive:** B4 (100 documents)", MissedTargets.ON_THE_EMBEDDED_SERVER,
                MissedTargets.BESIDES_THE_PASSES.get("B2"), "**Servers measured:** the embedded KRaft broker and the embedded "
                        + "mongo-java-server.", "**Driver and stack:** one JVM each.");
        assertThat(report).doesNotContain(MissedTargets.BESIDES_THE_PASSES.get("B1"));
        assertThat(json).contains("\"verdict\" : \"missed\"", "\"verdict\" : \"inconclusive\"", "\"ci_low\" : 3.8");
        assertThat(Files.readString(directory.resolve("results.json"))).isEqualTo(json);
    }

    @Test
    void aReportWithEveryTargetMetHasNoParagraphOnMisses(@TempDir Path directory) throws Exception {
        ResultsWriter.write(directory, List.of(result(new Estimate(1.2, 1.1, 1.3), Target.ratioAtMost(1.5))),
                new ResultsWriter.Run(EMBEDDED, 2, "one JVM each", Duration.ofSeconds(1)));

        assertThat(Files.readString(directory.resolve("RESULTS.md"))).doesNotContain("Where a target is missed",
                "Inconclusive");
    }

    @Test
    void aRealServerIsNamedAndTheEmbeddedServersExplanationLeftOut(@TempDir Path directory) throws Exception {
        var real = new Servers("the Kafka at kafka:9092", "the MongoDB server at mongodb:27017 (version 8.0.4, "
                + "replica set rs0)", false);
        var missed = new Result("B2", "Per-user purge", "10 items", "median", "ms", new Estimate(400, 390, 410),
                new Estimate(100, 95, 105), new Estimate(4, 3.8, 4.2), Target.ratioAtMost(1.5),
                List.of(new Repetition(400, 100, QUIET, QUIET)), "baseline: deleteMany per collection");

        ResultsWriter.write(directory, List.of(missed), new ResultsWriter.Run(real, 2, "one JVM each", Duration.ofSeconds(1)));

        assertThat(Files.readString(directory.resolve("RESULTS.md")))
                .contains("the MongoDB server at mongodb:27017 (version 8.0.4, replica set rs0)")
                .doesNotContain(MissedTargets.ON_THE_EMBEDDED_SERVER);
    }
}
