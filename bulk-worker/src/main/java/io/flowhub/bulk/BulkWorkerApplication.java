package io.flowhub.bulk;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.scheduling.annotation.EnableScheduling;

import java.util.Map;

/** Consumes {@code flowhub.commands.bulk}: batched soft deletes, with progress on the job document. */
@SpringBootApplication
@EnableScheduling
public class BulkWorkerApplication {

    /** @return the application, reading {@code bulk-worker.yml}, so that several services can share one JVM */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(BulkWorkerApplication.class)
                .properties(Map.of("spring.config.name", "bulk-worker"));
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
