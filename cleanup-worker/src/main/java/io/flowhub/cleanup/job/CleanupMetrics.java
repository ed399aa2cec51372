package io.flowhub.cleanup.job;

import io.flowhub.engine.CleanupResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * cleanup-worker's own meters, beside the job engine's: what was deleted per collection, files
 * removed and failed, policy denials.
 */
@Component
public class CleanupMetrics {

    private final MeterRegistry registry;

    CleanupMetrics(MeterRegistry registry) {
        this.registry = registry;
        // why: registered at start, so the failed-removals alert sees a zero rather than no series at all
        files("deleted", 0);
        files("failed", 0);
    }

    void deleted(CleanupResult deleted) {
        deleted.counts().forEach((what, count) -> {
            if (what.isDocuments()) {
                Counter.builder("flowhub.documents.deleted").tag("collection", what.key()).register(registry)
                        .increment(count);
            }
        });
    }

    /** Counts files removed ({@code deleted}) or left for the sweep to retry ({@code failed}). */
    public void files(String outcome, long count) {
        Counter.builder("flowhub.files.deleted").tag("outcome", outcome).register(registry).increment(count);
    }

    void policyDenied(String command) {
        Counter.builder("flowhub.policy.denials").tag("service", "cleanup-worker").tag("command", command)
                .register(registry).increment();
    }
}
