package io.flowhub.bench;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class GcPausesTests {

    private static final GcPauses LOG = GcPauses.of(List.of(
            "[2026-11-27T18:20:00.100+0000] Using G1",
            "[2026-11-27T18:20:01.000+0000] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 24M->6M(256M) 4.500ms",
            "[2026-11-27T18:20:02.000+0000] GC(1) Concurrent Mark Cycle 30.100ms",
            "[2026-11-27T18:20:03.000+0000] GC(2) Pause Remark 12M->12M(256M) 2.000ms",
            "[2026-11-27T18:20:09.000+0000] GC(3) Pause Full (System.gc()) 150M->11M(256M) 80.000ms"));

    @Test
    void onlyPausesAreReadWithTheTimeTheyEnded() {
        assertThat(LOG.pauses()).containsExactly(
                new GcPauses.Pause(Instant.parse("2026-11-27T18:20:01Z"), 4.5),
                new GcPauses.Pause(Instant.parse("2026-11-27T18:20:03Z"), 2.0),
                new GcPauses.Pause(Instant.parse("2026-11-27T18:20:09Z"), 80.0));
    }

    @Test
    void aWindowSumsThePausesThatEndedInIt() {
        assertThat(LOG.millisBetween(Instant.parse("2026-11-27T18:20:00.500Z"), Instant.parse("2026-11-27T18:20:05Z")))
                .isEqualTo(6.5);
        assertThat(LOG.millisBetween(Instant.parse("2026-11-27T18:20:04Z"), Instant.parse("2026-11-27T18:20:08Z")))
                .isZero();
    }

    @Test
    void aPauseThatBeganBeforeTheWindowCountsOnlyItsPartInside() {
        // the full collection ended at 09.000 after 80 ms; the window opened at 08.950
        assertThat(LOG.millisBetween(Instant.parse("2026-11-27T18:20:08.950Z"), Instant.parse("2026-11-27T18:20:10Z")))
                .isEqualTo(50.0);
    }

    @Test
    void aLogWithoutWallClockTimesHasNoPausesToPlace() {
        assertThat(GcPauses.of(List.of("[0.912s][info][gc] GC(0) Pause Young (Normal) 24M->6M(256M) 4.123ms"))
                .pauses()).isEmpty();
    }
}
