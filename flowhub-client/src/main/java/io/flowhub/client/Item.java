package io.flowhub.client;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;
import java.util.List;

/** An item as the API shows it; {@code runId} is set for an item created under a test run. */
public record Item(
        @JsonProperty("_id") String id,
        String name,
        String description,
        List<String> tags,
        boolean testData,
        String createdBy,
        @JsonProperty("is_active") boolean active,
        Instant deletedAt,
        String filePath,
        String runId,
        Instant createdAt,
        Instant updatedAt) {
}
