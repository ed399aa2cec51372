package io.flowhub.gateway.job;

import java.time.Duration;
import java.time.Instant;

/**
 * When a gateway reads again a job that a client waits for (a cleanup call that waits, an event stream): a quarter of
 * the time the client has waited so far, never sooner than {@code least} and never later than {@code most}. A small job
 * — most of what suites run all day — is answered within a quarter of its own time instead of a whole fixed tick, and a
 * long one costs a read every {@code most}. Waits read every {@code most} fall on one grid of that period, so that all
 * of them are read together, by one query a tick, as with a fixed tick.
 *
 * @param least the shortest time between two reads, which is also the checking thread's tick
 * @param most  the longest time between two reads
 */
public record WaitSchedule(Duration least, Duration most) {

    public WaitSchedule {
        if (least.isNegative() || least.isZero() || most.compareTo(least) < 0) {
            throw new IllegalArgumentException("A wait schedule needs 0 < least <= most, not " + least + " and " + most);
        }
    }

    /**
     * @param since when the client began to wait
     * @param now   the read that was just made
     * @return when to read the job again
     */
    public Instant nextRead(Instant since, Instant now) {
        Duration quarter = Duration.between(since, now).dividedBy(4);
        if (quarter.compareTo(least) < 0) {
            return now.plus(least);
        }
        if (quarter.compareTo(most) < 0) {
            return now.plus(quarter);
        }
        long period = most.toMillis();
        return Instant.ofEpochMilli(Math.floorDiv(now.toEpochMilli(), period) * period + period);
    }
}
