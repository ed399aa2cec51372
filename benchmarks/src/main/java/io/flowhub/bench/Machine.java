package io.flowhub.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** The machine and the code a run measured, for the head of the report. */
final class Machine {

    private Machine() {
    }

    /** @param cores the cores the run had, counted before the driver pinned itself to one */
    static Map<String, Object> describe(int cores) {
        var machine = new LinkedHashMap<String, Object>();
        machine.put("cores", cores);
        long memory = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize();
        machine.put("memory_gib", Math.round(memory / (1024.0 * 1024 * 1024)));
        machine.put("jdk", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        machine.put("commit", commit());
        machine.put("measured_at", Instant.now().toString());
        return machine;
    }

    private static String commit() {
        try {
            var process = new ProcessBuilder("git", "rev-parse", "--short", "HEAD").redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes()).trim();
            return process.waitFor() == 0 ? output : "unknown";
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }
}
