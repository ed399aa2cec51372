package io.flowhub.bench;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StatsTests {

    @Test
    void theMedianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        assertThat(Stats.of(List.of(83.0, 371.0)).median()).isEqualTo(227.0);
        assertThat(Stats.of(List.of(4.0, 1.0, 3.0, 2.0)).median()).isEqualTo(2.5);
    }

    @Test
    void theMedianOfAnOddCountIsTheMiddleSample() {
        assertThat(Stats.of(List.of(5.0, 1.0, 3.0)).median()).isEqualTo(3.0);
    }

    @Test
    void percentilesAreNearestRank() {
        var samples = new ArrayList<Double>();
        for (int i = 1; i <= 200; i++) {
            samples.add((double) i);
        }
        assertThat(Stats.of(samples).percentile(99)).isEqualTo(198.0);
        assertThat(Stats.of(samples).min()).isEqualTo(1.0);
        assertThat(Stats.of(samples).max()).isEqualTo(200.0);
    }
}
