package io.flowhub.bench;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HostLoadTests {

    @Test
    void theMachinesBusyTimeIsEverythingButIdleAndIoWait() {
        String stat = "cpu  100 5 50 9000 40 3 2 0 0 0\ncpu0 50 2 25 4500 20 1 1 0 0 0\n";

        assertThat(HostLoad.machineBusyTicks(stat)).isEqualTo(100 + 5 + 50 + 3 + 2 + 0);
    }

    @Test
    void aProcessesTicksAreReadAfterItsNameEvenWhenTheNameHoldsSpacesAndParentheses() {
        String stat = "4242 (java (bench) x) S 1 4242 4242 0 -1 4194560 900 0 0 0 1200 300 70 30 20 0 60 0 100 0";

        assertThat(HostLoad.processTicks(stat, false)).isEqualTo(1_500);
        assertThat(HostLoad.processTicks(stat, true)).isEqualTo(1_600);
    }

    @Test
    void foreignLoadIsTheMachinesBusyTimeLessOurs() {
        Instant start = Instant.parse("2026-11-27T10:00:00Z");
        var before = new HostLoad.Reading(start, 1_000, 400, 0.5);
        // 2 s later: the machine was busy 300 ticks, of which 200 were ours: 100 ticks = 1 s of CPU over 2 s
        var after = new HostLoad.Reading(start.plusSeconds(2), 1_300, 600, 1.5);

        var window = HostLoad.Window.of(before, after);

        assertThat(window.foreignCores()).isEqualTo(0.5);
        assertThat(window.loadAverage()).isEqualTo(1.5);
        assertThat(window.foreignLoad()).isTrue();
    }

    @Test
    void aQuietMachineIsNotFlaggedAndOurOwnLoadNeverCountsAsForeign() {
        Instant start = Instant.parse("2026-11-27T10:00:00Z");
        var window = HostLoad.Window.of(new HostLoad.Reading(start, 1_000, 400, 2.0),
                new HostLoad.Reading(start.plusSeconds(1), 1_205, 600, 2.0));

        assertThat(window.foreignCores()).isEqualTo(0.05, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(window.foreignLoad()).isFalse();
    }

    @Test
    void aWindowShorterThanASecondIsWidenedBackToASecondOfReadings() {
        Instant start = Instant.parse("2026-11-27T10:00:00Z");
        var load = HostLoad.replay(List.of(new HostLoad.Reading(start, 0, 0, 1.0),
                new HostLoad.Reading(start.plusMillis(1_000), 100, 50, 1.0),
                new HostLoad.Reading(start.plusMillis(1_500), 150, 60, 1.0),
                new HostLoad.Reading(start.plusMillis(1_530), 153, 63, 1.2)));

        // a 30 ms sample holds 3 ticks; widened, it runs from the last reading a second before its end (at 0):
        // 153 busy ticks, 63 of them ours, over 1.53 s
        var window = load.between(start.plusMillis(1_500), start.plusMillis(1_530)).orElseThrow();

        assertThat(window.foreignCores()).isCloseTo(0.90 / 1.53, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(window.loadAverage()).isEqualTo(1.2);
    }

    @Test
    void withoutReadingsAroundItAWindowIsUnknown() {
        Instant start = Instant.parse("2026-11-27T10:00:00Z");
        var load = HostLoad.replay(List.of(new HostLoad.Reading(start, 0, 0, 1.0)));

        assertThat(load.between(start.plusSeconds(1), start.plusSeconds(2))).isEmpty();
    }
}
