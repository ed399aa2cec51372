package io.flowhub.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrendTests {

    private static Map<String, Trend.Row> rows(Trend.Row... rows) {
        var map = new LinkedHashMap<String, Trend.Row>();
        for (Trend.Row row : rows) {
            map.put(row.key(), row);
        }
        return map;
    }

    @Test
    void aChangeIsRealOnlyWhenEachRatioLiesOutsideTheOthersInterval() {
        var older = rows(new Trend.Row("B1 a", new Estimate(2.0, 1.8, 2.2), "missed"),
                new Trend.Row("B3 b", new Estimate(1.6, 1.2, 2.0), "inconclusive"));
        var newer = rows(new Trend.Row("B1 a", new Estimate(1.2, 1.1, 1.3), "met"),
                new Trend.Row("B3 b", new Estimate(1.3, 1.25, 1.35), "met"));

        String text = Trend.compare(older, newer, "old.json", "new.json");

        assertThat(text).containsPattern("B1 a\\s+2.00 \\[1.80–2.20\\] → 1.20 \\[1.10–1.30\\]\\s+-40 %\\s+REAL: better"
                + "\\s+\\(missed → met\\)");
        // 1.3 lies inside the old interval: no real change, however large the points' difference
        assertThat(text).containsPattern("B3 b\\s+.*within noise");
    }

    @Test
    void aRatioWithoutAnIntervalIsNeverCalledARealChange() {
        String text = Trend.compare(rows(new Trend.Row("B7 heap", Estimate.single(1.59), "met")),
                rows(new Trend.Row("B7 heap", Estimate.single(1.66), "met")), "old.json", "new.json");

        assertThat(text).contains("1.59 → 1.66", "no interval to judge by").doesNotContain("REAL");
    }

    @Test
    void rowsAddedOrDroppedAreNamed() {
        String text = Trend.compare(rows(new Trend.Row("B6 old", Estimate.single(1), "met")),
                rows(new Trend.Row("B6 new", Estimate.single(1), "met")), "old.json", "new.json");

        assertThat(text).contains("B6 new", "new row", "B6 old", "no longer measured");
    }

    @Test
    void aResultsFileWrittenBeforeIntervalsHasItsRatioAsAPoint(@TempDir Path directory) throws Exception {
        Path old = Files.writeString(directory.resolve("old.json"), """
                {"results": [{"id": "B3", "title": "Tag cleanup (hard)", "size": "50,000 of 100,000 items",
                  "ratio": 1.59, "target_met": false}]}""");

        var rows = Trend.rows(old);

        assertThat(rows.values()).containsExactly(new Trend.Row("B3 Tag cleanup (hard), 50,000 of 100,000 items",
                Estimate.single(1.59), "missed"));
    }

    @Test
    void aFileThatIsNotAResultsFileIsRefusedWithWhatToGive(@TempDir Path directory) throws Exception {
        assertThatThrownBy(() -> Trend.rows(directory.resolve("missing.json")))
                .hasMessageContaining("No results file at");
        Path other = Files.writeString(directory.resolve("other.json"), "{\"name\": \"x\"}");
        assertThatThrownBy(() -> Trend.rows(other)).hasMessageContaining("has no \"results\"");
        Path broken = Files.writeString(directory.resolve("broken.json"), "{not json");
        assertThatThrownBy(() -> Trend.rows(broken)).hasMessageContaining("is not JSON");
    }
}
