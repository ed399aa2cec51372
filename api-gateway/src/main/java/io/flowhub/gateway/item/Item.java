package io.flowhub.gateway.item;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;
import java.util.List;

/** An item as the API shows it. */
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
        Instant createdAt,
        Instant updatedAt) {
}
