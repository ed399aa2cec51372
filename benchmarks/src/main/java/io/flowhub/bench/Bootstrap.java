package io.flowhub.bench;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Percentile bootstrap: resamples the samples with replacement many times, computes the
 * statistic on each resample, and takes the middle 95 % of those values as the interval. The
 * random generator is seeded from the samples, so the same samples always give the same interval.
 */
final class Bootstrap {

    static final int RESAMPLES = 10_000;

    /** A statistic of the samples, given as an array it may reorder. */
    @FunctionalInterface
    interface Statistic {
        double of(double[] samples);
    }

    /** A statistic of paired samples (the same index in both arrays is one repetition). */
    @FunctionalInterface
    interface PairedStatistic {
        double of(double[] project, double[] baseline);
    }

    private Bootstrap() {
    }

    static Estimate median(List<Double> samples) {
        return of(samples, Bootstrap::median);
    }

    static Estimate of(List<Double> samples, Statistic statistic) {
        double[] values = array(samples);
        if (values.length == 0) {
            throw new IllegalArgumentException("No samples to estimate from");
        }
        double point = statistic.of(values.clone());
        var random = new SplittableRandom(seed(values));
        double[] resampled = new double[RESAMPLES];
        double[] resample = new double[values.length];
        for (int r = 0; r < RESAMPLES; r++) {
            for (int i = 0; i < values.length; i++) {
                resample[i] = values[random.nextInt(values.length)];
            }
            resampled[r] = statistic.of(resample);
        }
        return interval(point, resampled);
    }

    /** Resamples whole repetitions, so that a project figure stays beside the baseline measured with it. */
    static Estimate paired(List<Double> project, List<Double> baseline, PairedStatistic statistic) {
        if (project.size() != baseline.size() || project.isEmpty()) {
            throw new IllegalArgumentException("Paired samples need the same, non-zero count on both sides");
        }
        double[] p = array(project);
        double[] b = array(baseline);
        double point = statistic.of(p.clone(), b.clone());
        var random = new SplittableRandom(seed(p) * 31 + seed(b));
        double[] resampled = new double[RESAMPLES];
        double[] rp = new double[p.length];
        double[] rb = new double[b.length];
        for (int r = 0; r < RESAMPLES; r++) {
            for (int i = 0; i < p.length; i++) {
                int pick = random.nextInt(p.length);
                rp[i] = p[pick];
                rb[i] = b[pick];
            }
            resampled[r] = statistic.of(rp, rb);
        }
        return interval(point, resampled);
    }

    /** The middle value, or the mean of the middle two; sorts the array. */
    static double median(double[] values) {
        Arrays.sort(values);
        int middle = values.length / 2;
        return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }

    /** Nearest-rank percentile; sorts the array. */
    static double percentile(double[] values, double p) {
        Arrays.sort(values);
        int rank = (int) Math.ceil(p / 100.0 * values.length);
        return values[Math.max(0, Math.min(values.length - 1, rank - 1))];
    }

    private static Estimate interval(double point, double[] resampled) {
        Arrays.sort(resampled);
        double low = resampled[(int) Math.floor(0.025 * (resampled.length - 1))];
        double high = resampled[(int) Math.ceil(0.975 * (resampled.length - 1))];
        return new Estimate(point, low, high);
    }

    private static double[] array(List<Double> samples) {
        return samples.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static long seed(double[] values) {
        return Arrays.hashCode(values);
    }
}
