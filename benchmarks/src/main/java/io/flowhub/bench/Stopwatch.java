package io.flowhub.bench;

import java.time.Instant;

/**
 * Times one side of a repetition. The side does its untimed work (seeding) first, then calls
 * {@link #start()}, which lets both JVMs collect their garbage before the clock starts, so no sample
 * pays for the garbage of the one before it; {@link #stop()} ends the sample.
 */
final class Stopwatch {

    private final BenchEnvironment env;
    private final boolean profiled;
    private long startNanos;
    private Instant started;
    private Instant stopped;
    private double millis = -1;

    Stopwatch(BenchEnvironment env) {
        this(env, false);
    }

    /** @param profiled whether the stack's JVM is recorded while the clock runs ({@code --profile}) */
    Stopwatch(BenchEnvironment env, boolean profiled) {
        this.env = env;
        this.profiled = profiled && env.profiler() != null;
    }

    void start() {
        env.settle();
        if (profiled) {
            env.profiler().start();
        }
        started = Instant.now();
        env.load().mark();
        startNanos = System.nanoTime();
    }

    /** @return the milliseconds since {@link #start()} */
    double stop() {
        millis = (System.nanoTime() - startNanos) / 1e6;
        stopped = Instant.now();
        env.load().mark();
        if (profiled) {
            env.profiler().stop();
        }
        return millis;
    }

    /**
     * Ends the sample with a figure of its own instead of the time since {@link #start()}: a p99 over calls made
     * while the clock ran, say. The sample's conditions are still those of the whole time.
     */
    void stop(double figure) {
        stop();
        millis = figure;
    }

    /** @return what was timed, in milliseconds; throws when the side never stopped the clock */
    double millis() {
        if (millis < 0) {
            throw new IllegalStateException("The scenario's side never started and stopped its stopwatch");
        }
        return millis;
    }

    Conditions conditions() {
        return env.conditions(started, stopped);
    }
}
