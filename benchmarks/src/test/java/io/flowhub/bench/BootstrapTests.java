package io.flowhub.bench;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BootstrapTests {

    @Test
    void theMedianIsTheMiddleSampleOrTheMeanOfTheMiddleTwo() {
        assertThat(Bootstrap.median(new double[] {5, 1, 3})).isEqualTo(3.0);
        assertThat(Bootstrap.median(new double[] {4, 1, 3, 2})).isEqualTo(2.5);
    }

    @Test
    void thePercentileIsTheNearestRank() {
        double[] hundred = new double[100];
        for (int i = 0; i < 100; i++) {
            hundred[i] = 100 - i;
        }
        assertThat(Bootstrap.percentile(hundred.clone(), 99)).isEqualTo(99.0);
        assertThat(Bootstrap.percentile(hundred.clone(), 50)).isEqualTo(50.0);
        assertThat(Bootstrap.percentile(new double[] {7}, 99)).isEqualTo(7.0);
    }

    @Test
    void theIntervalHoldsTheFigureAndLiesWithinTheSamples() {
        var estimate = Bootstrap.median(List.of(10.0, 12.0, 11.0, 30.0, 9.0, 10.5, 11.5));

        assertThat(estimate.value()).isEqualTo(11.0);
        assertThat(estimate.low()).isBetween(9.0, 11.0);
        assertThat(estimate.high()).isBetween(11.0, 30.0);
    }

    @Test
    void theSameSamplesAlwaysGiveTheSameInterval() {
        var samples = List.of(3.0, 1.0, 4.0, 1.0, 5.0, 9.0, 2.0, 6.0);

        assertThat(Bootstrap.median(samples)).isEqualTo(Bootstrap.median(samples));
    }

    @Test
    void moreSamplesOfTheSameSpreadNarrowTheInterval() {
        var random = new Random(7);
        var few = new ArrayList<Double>();
        var many = new ArrayList<Double>();
        for (int i = 0; i < 200; i++) {
            double sample = 100 + random.nextGaussian() * 10;
            if (i < 6) {
                few.add(sample);
            }
            many.add(sample);
        }

        assertThat(Bootstrap.median(many).relativeWidth()).isLessThan(Bootstrap.median(few).relativeWidth());
    }

    @Test
    void theIntervalOfTheMedianCoversTheTrueMedianAboutNinetyFivePercentOfTheTime() {
        var random = new Random(11);
        int covered = 0;
        int trials = 200;
        for (int trial = 0; trial < trials; trial++) {
            var samples = new ArrayList<Double>();
            for (int i = 0; i < 25; i++) {
                samples.add(random.nextGaussian());
            }
            if (Bootstrap.median(samples).contains(0)) {
                covered++;
            }
        }
        // why: a percentile bootstrap of the median covers about 95 %; 200 trials leave a few points of chance
        assertThat(covered).isBetween(180, 200);
    }

    @Test
    void pairedResamplingKeepsEachProjectFigureBesideItsOwnBaseline() {
        // the baselines drift tenfold, the ratio stays 2: resampled in pairs, every ratio is 2
        var estimate = Bootstrap.paired(List.of(2.0, 20.0, 200.0), List.of(1.0, 10.0, 100.0),
                (project, baseline) -> project[0] / baseline[0]);

        assertThat(estimate).isEqualTo(new Estimate(2, 2, 2));
    }

    @Test
    void noSamplesIsAnError() {
        assertThatThrownBy(() -> Bootstrap.median(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Bootstrap.paired(List.of(1.0), List.of(), (p, b) -> 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
