package io.flowhub.bench;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Keeps the driver and the measured stack off each other's cores where that can be arranged: with
 * {@code taskset} and at least two cores, the driver (this JVM: seeding, polling, the baselines'
 * client side) runs on the last core. While the stack works and the driver only waits, the stack
 * keeps every core; under B6's load, where the driver is busy too, the stack gets all cores but the
 * last and the load driver that last one alone.
 *
 * @param allowed  the cores this process may run on
 * @param pinning  whether pinning is possible here
 * @param arrangement what was done, in words, for the report
 */
record Cores(List<Integer> allowed, boolean pinning, long stackPid, String arrangement) {

    private static final Logger log = LoggerFactory.getLogger(Cores.class);

    static Cores arrange(long stackPid) {
        List<Integer> allowed = allowedCores();
        boolean taskset = onPath("taskset");
        if (!taskset || allowed.size() < 2) {
            return new Cores(allowed, false, stackPid, (taskset ? "only " + allowed.size() + " core" : "no taskset")
                    + ", so the driver and the stack share the cores: each is a JVM of its own, nothing more");
        }
        var cores = new Cores(allowed, true, stackPid, String.format("the stack runs in a JVM of its own; with "
                + "taskset, the driver is pinned to core %d while the stack may use cores %s; under B6's load the "
                + "stack is pinned to %s and the load driver, a third JVM, to core %d", allowed.getLast(),
                list(allowed), list(allowed.subList(0, allowed.size() - 1)), allowed.getLast()));
        cores.pin(ProcessHandle.current().pid(), List.of(allowed.getLast()));
        return cores;
    }

    /** Pins a load driver to the last core and the stack to the others, until {@link #release()}. */
    void forLoad(long driverPid) {
        if (pinning) {
            pin(stackPid, allowed.subList(0, allowed.size() - 1));
            pin(driverPid, List.of(allowed.getLast()));
        }
    }

    /** Gives the stack every core again. */
    void release() {
        if (pinning) {
            pin(stackPid, allowed);
        }
    }

    private void pin(long pid, List<Integer> cores) {
        try {
            // why: -a applies to every thread the process has now; threads started later inherit it
            Process taskset = new ProcessBuilder("taskset", "-a", "-p", "-c", list(cores), String.valueOf(pid))
                    .redirectErrorStream(true).start();
            String output = new String(taskset.getInputStream().readAllBytes());
            if (!taskset.waitFor(30, TimeUnit.SECONDS) || taskset.exitValue() != 0) {
                log.warn("taskset could not pin process {} to {}: {}", pid, list(cores), output.strip());
            }
        } catch (IOException e) {
            log.warn("taskset could not pin process {}: {}", pid, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The cores in {@code /proc/self/status}'s {@code Cpus_allowed_list}, or 0..n-1 without it. */
    static List<Integer> allowedCores() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Cpus_allowed_list:")) {
                    return parseList(line.substring(line.indexOf(':') + 1).trim());
                }
            }
        } catch (IOException | RuntimeException e) {
            // why: not Linux; fall through to the count the JVM sees
        }
        var all = new ArrayList<Integer>();
        for (int core = 0; core < Runtime.getRuntime().availableProcessors(); core++) {
            all.add(core);
        }
        return all;
    }

    /** Reads a kernel CPU list such as {@code 0-3,6}. */
    static List<Integer> parseList(String list) {
        var cores = new ArrayList<Integer>();
        for (String part : list.split(",")) {
            String[] range = part.trim().split("-");
            int from = Integer.parseInt(range[0]);
            int to = range.length > 1 ? Integer.parseInt(range[1]) : from;
            for (int core = from; core <= to; core++) {
                cores.add(core);
            }
        }
        return cores;
    }

    private static String list(List<Integer> cores) {
        return String.join(",", cores.stream().map(String::valueOf).toList());
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        return path != null && java.util.Arrays.stream(path.split(java.io.File.pathSeparator))
                .anyMatch(directory -> Files.isExecutable(Path.of(directory, program)));
    }
}
