package io.flowhub.cli;

import io.flowhub.client.Job;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class JobWatchTests {

    @Test
    void aRunningJobWithoutATotalYetGetsABarWithoutALengthNotAFullOne() {
        assertThat(JobWatch.length(job("running", 0, 10_000))).isEqualTo(-1);
    }

    @Test
    void aJobWithATotalGetsItAsTheBarsLengthNeverBelowWhatItHasDone() {
        assertThat(JobWatch.length(job("running", 100_000, 20_000))).isEqualTo(100_000);
        assertThat(JobWatch.length(job("running", 50, 60))).isEqualTo(60);
    }

    @Test
    void aFinishedJobFillsItsBarEvenWithNothingToDo() {
        assertThat(JobWatch.length(job("completed", 0, 0))).isEqualTo(1);
        assertThat(JobWatch.length(job("completed", 40, 40))).isEqualTo(40);
    }

    private static Job job(String status, long total, long processed) {
        return new Job("0123456789abcdef01234567", "bulk", "delete", null, status, false, 0, total, processed, 0, 0,
                Map.of(), List.of(), Map.of(), null, 1, null, null, null, null);
    }
}
