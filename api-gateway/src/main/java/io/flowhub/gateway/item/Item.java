package io.flowhub.gateway.item;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;
import java.util.List;

/** An item as the API shows it; {@code run_id} only for an item created under a test run. */
record Item(
        @JsonProperty("_id") String id,
        String name,
        String description,
        List<String> tags,
        boolean testData,
        String createdBy,
        @JsonProperty("is_active") boolean isActive,
        Instant deletedAt,
        String filePath,
        @JsonInclude(JsonInclude.Include.NON_NULL) String runId,
        Instant createdAt,
        Instant updatedAt) {
}
