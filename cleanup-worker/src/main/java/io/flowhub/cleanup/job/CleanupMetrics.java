package io.flowhub.cleanup.job;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

import java.util.Map;

/** cleanup-worker's meters: jobs by command and outcome, what was deleted, files, policy denials. */
@Component
public class CleanupMetrics {

    private final MeterRegistry registry;

    CleanupMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void finished(String command, String outcome, boolean dryRun, Map<String, Long> result) {
        Counter.builder("flowhub.cleanup.jobs").tag("command", command).tag("outcome", outcome)
                .tag("dry_run", String.valueOf(dryRun)).register(registry).increment();
        if (dryRun) {
            return;
        }
        result.forEach((what, count) -> {
            if (what.equals("files_failed")) {
                Counter.builder("flowhub.files.deleted").tag("outcome", "failed").register(registry).increment(count);
            } else if (what.equals("files")) {
                Counter.builder("flowhub.files.deleted").tag("outcome", "deleted").register(registry).increment(count);
            } else {
                Counter.builder("flowhub.documents.deleted").tag("collection", what).register(registry).increment(count);
            }
        });
    }

    void policyDenied(String command) {
        Counter.builder("flowhub.policy.denials").tag("service", "cleanup-worker").tag("command", command)
                .register(registry).increment();
    }

    public void deadLettered(String topic) {
        Counter.builder("flowhub.dlt.records").tag("topic", topic).register(registry).increment();
    }
}
