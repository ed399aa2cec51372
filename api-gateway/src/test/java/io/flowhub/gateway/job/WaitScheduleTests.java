package io.flowhub.gateway.job;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WaitScheduleTests {

    private final WaitSchedule schedule = new WaitSchedule(Duration.ofMillis(10), Duration.ofMillis(250));
    private final Instant since = Instant.parse("2026-12-05T09:00:00.003Z");

    @Test
    void aFreshWaitIsReadAgainAfterTheShortestPause() {
        assertThat(schedule.nextRead(since, since)).isEqualTo(since.plusMillis(10));
        assertThat(schedule.nextRead(since, since.plusMillis(20))).isEqualTo(since.plusMillis(30));
    }

    @Test
    void aLongerWaitIsReadAgainAfterAQuarterOfItsAge() {
        assertThat(schedule.nextRead(since, since.plusMillis(100))).isEqualTo(since.plusMillis(125));
        assertThat(schedule.nextRead(since, since.plusMillis(800))).isEqualTo(since.plusMillis(1_000));
    }

    @Test
    void longWaitsAreReadTogetherOnOneGridOfTheLongestPause() {
        Instant now = Instant.parse("2026-12-05T09:00:10.130Z");
        Instant other = Instant.parse("2026-12-05T09:00:10.245Z");

        assertThat(schedule.nextRead(since, now)).isEqualTo(Instant.parse("2026-12-05T09:00:10.250Z"));
        assertThat(schedule.nextRead(since.plusSeconds(2), other)).isEqualTo(Instant.parse("2026-12-05T09:00:10.250Z"));
        assertThat(schedule.nextRead(since, Instant.parse("2026-12-05T09:00:10.250Z")))
                .isEqualTo(Instant.parse("2026-12-05T09:00:10.500Z"));
    }

    @Test
    void aScheduleWithoutAPauseIsRefused() {
        assertThatThrownBy(() -> new WaitSchedule(Duration.ZERO, Duration.ofMillis(250)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0 < least <= most");
        assertThatThrownBy(() -> new WaitSchedule(Duration.ofMillis(20), Duration.ofMillis(10)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
