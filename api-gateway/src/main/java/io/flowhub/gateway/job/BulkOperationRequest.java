package io.flowhub.gateway.job;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;

import java.util.List;

/**
 * Body of {@code POST /api/v1/bulk-operations}, as the seed system took it:
 * {@code {"operation":"delete","itemIds":[...]}}.
 */
record BulkOperationRequest(
        @NotBlank(message = "operation is required: one of " + BulkOperation.SUPPORTED)
        String operation,
        @JsonProperty("itemIds") @JsonAlias("item_ids")
        List<String> itemIds,
        Integer batchSize) {
}
