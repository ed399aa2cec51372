package io.flowhub.bench;

import java.time.Instant;

/**
 * Times one side of a repetition. The side does its untimed work (seeding) first, then calls
 * {@link #start()}, which lets both JVMs collect their garbage before the clock starts, so no sample
 * pays for the garbage of the one before it; {@link #stop()} ends the sample.
 */
final class Stopwatch {

    private final BenchEnvironment env;
    private long startNanos;
    private Instant started;
    private Instant stopped;
    private double millis = -1;

    Stopwatch(BenchEnvironment env) {
        this.env = env;
    }

    void start() {
        env.settle();
        started = Instant.now();
        env.load().mark();
        startNanos = System.nanoTime();
    }

    /** @return the milliseconds since {@link #start()} */
    double stop() {
        millis = (System.nanoTime() - startNanos) / 1e6;
        stopped = Instant.now();
        env.load().mark();
        return millis;
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
