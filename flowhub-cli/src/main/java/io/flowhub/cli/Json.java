package io.flowhub.cli;

import io.flowhub.client.Job;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/** What the command line prints: JSON for {@code --json}, a line for a person otherwise. */
final class Json {

    private static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();

    private Json() {
    }

    static String write(Object value) {
        return JSON.writeValueAsString(value);
    }

    static String summary(Job job) {
        return "job " + job.jobId() + " " + job.operation() + " " + job.status() + ": " + job.processed()
                + " processed, " + job.skipped() + " skipped " + job.skipReasons() + ", " + job.failed() + " failed"
                + (job.result() == null || job.result().isEmpty() ? "" : "; " + job.result())
                + (job.failureReason() == null ? "" : " (" + job.failureReason() + ")");
    }
}
