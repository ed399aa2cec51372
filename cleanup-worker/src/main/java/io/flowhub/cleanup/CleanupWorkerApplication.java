package io.flowhub.cleanup;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.scheduling.annotation.EnableScheduling;

import java.util.Map;

/**
 * Consumes {@code flowhub.commands.cleanup}: per-user purges, test-data cleanup, reset, permanent
 * item deletes, retention and orphan-file sweeps, each run as a job.
 */
@SpringBootApplication
@EnableScheduling
public class CleanupWorkerApplication {

    /** @return the application, reading {@code cleanup-worker.yml}, so that several services can share one JVM */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(CleanupWorkerApplication.class)
                .properties(Map.of("spring.config.name", "cleanup-worker"));
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
