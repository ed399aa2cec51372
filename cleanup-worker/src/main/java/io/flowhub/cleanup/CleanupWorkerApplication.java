package io.flowhub.cleanup;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

import java.util.Map;

/**
 * Will consume {@code flowhub.commands.cleanup}: per-user purges, tag cleanup, reset, file
 * removal and retention sweeps. For now it connects to Kafka and MongoDB and reports their health.
 */
@SpringBootApplication
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
