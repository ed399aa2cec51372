package io.flowhub.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * What the machine was doing while a sample ran, from Linux's {@code /proc}: every second it notes
 * the CPU time the whole machine spent busy and the CPU time this program and its child processes
 * (the stack, a load driver, a lone worker) spent, so that the rest — foreign load, from anything
 * else on the machine — can be told for any window. Where {@code /proc} is missing it records nothing
 * and every window's conditions are unknown.
 */
final class HostLoad implements AutoCloseable {

    /** A window with more than this many cores' worth of foreign CPU time is flagged. */
    static final double FOREIGN_CORES_LIMIT = 0.25;
    // why: the kernel's clock tick, 100 per second on every Linux the project runs on
    private static final double TICKS_PER_SECOND = 100;

    /** One reading: when, the machine's busy ticks, ours, and the one-minute load average. */
    record Reading(Instant at, long busyTicks, long ourTicks, double loadAverage) {
    }

    private final Path proc;
    private final List<Reading> readings = new ArrayList<>();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        var thread = new Thread(runnable, "host-load");
        thread.setDaemon(true);
        return thread;
    });

    private HostLoad(Path proc) {
        this.proc = proc;
    }

    /** Starts reading every second, when {@code /proc} is there. */
    static HostLoad start() {
        var load = new HostLoad(Path.of("/proc"));
        if (load.available()) {
            load.sampler.scheduleAtFixedRate(load::read, 0, 1, TimeUnit.SECONDS);
        }
        return load;
    }

    /** A record of readings taken before, for reading windows back (and for tests). */
    static HostLoad replay(List<Reading> readings) {
        var load = new HostLoad(Path.of("/nonexistent"));
        load.readings.addAll(readings);
        return load;
    }

    boolean available() {
        return Files.isReadable(proc.resolve("stat")) && Files.isReadable(proc.resolve("self/stat"));
    }

    /** Takes a reading now, beside the periodic ones (at a sample's edges). */
    void mark() {
        if (available()) {
            read();
        }
    }

    /** @return the conditions between two instants, from the readings around them; empty without readings */
    synchronized Optional<Window> between(Instant start, Instant end) {
        Reading after = null;
        for (Reading reading : readings) {
            if (after == null && !reading.at().isBefore(end)) {
                after = reading;
            }
        }
        // why: a short window holds a few clock ticks at most; widen it back to a second of readings
        Instant from = after == null || start.isBefore(after.at().minusSeconds(1)) ? start : after.at().minusSeconds(1);
        Reading before = null;
        for (Reading reading : readings) {
            if (!reading.at().isAfter(from)) {
                before = reading;
            }
        }
        if (before == null || after == null || !after.at().isAfter(before.at())) {
            return Optional.empty();
        }
        return Optional.of(Window.of(before, after));
    }

    /**
     * The machine's conditions over a window.
     *
     * @param foreignCores CPU time used by processes other than ours, in cores (1.0 = one core busy throughout)
     * @param loadAverage  the one-minute load average at the window's end
     */
    record Window(double foreignCores, double loadAverage) {

        static Window of(Reading before, Reading after) {
            double seconds = (after.at().toEpochMilli() - before.at().toEpochMilli()) / 1000.0;
            long foreignTicks = (after.busyTicks() - before.busyTicks()) - (after.ourTicks() - before.ourTicks());
            return new Window(Math.max(0, foreignTicks / TICKS_PER_SECOND / seconds), after.loadAverage());
        }

        boolean foreignLoad() {
            return foreignCores > FOREIGN_CORES_LIMIT;
        }
    }

    private void read() {
        try {
            Instant at = Instant.now();
            long busy = machineBusyTicks(Files.readString(proc.resolve("stat")));
            long ours = processTicks(Files.readString(proc.resolve("self/stat")), true);
            for (ProcessHandle child : ProcessHandle.current().descendants().toList()) {
                Path stat = proc.resolve(child.pid() + "/stat");
                try {
                    ours += processTicks(Files.readString(stat), false);
                } catch (IOException gone) {
                    // why: a child that ended between the listing and the read; its time is in ours once reaped
                }
            }
            double loadAverage = Double.parseDouble(Files.readString(proc.resolve("loadavg")).split(" ")[0]);
            synchronized (this) {
                readings.add(new Reading(at, busy, ours, loadAverage));
            }
        } catch (IOException | RuntimeException e) {
            // why: a missed reading widens the next window; it must never stop a benchmark
        }
    }

    /** The busy ticks on {@code /proc/stat}'s first line: everything but idle and I/O wait. */
    static long machineBusyTicks(String stat) {
        String[] fields = stat.lines().findFirst().orElseThrow().trim().split("\\s+");
        long busy = 0;
        // cpu user nice system idle iowait irq softirq steal
        for (int field : new int[] {1, 2, 3, 6, 7, 8}) {
            busy += field < fields.length ? Long.parseLong(fields[field]) : 0;
        }
        return busy;
    }

    /**
     * The user and system ticks of one process, from its {@code /proc/<pid>/stat}; with
     * {@code withReapedChildren}, those of the children it has waited for as well.
     */
    static long processTicks(String stat, boolean withReapedChildren) {
        // why: the command name (field 2) is in parentheses and may hold spaces; count from after it
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return withReapedChildren ? ticks + Long.parseLong(fields[13]) + Long.parseLong(fields[14]) : ticks;
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }
}
