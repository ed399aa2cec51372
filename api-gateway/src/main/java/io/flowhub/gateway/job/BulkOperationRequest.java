package io.flowhub.gateway.job;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;

import java.util.List;

/**
 * Body of {@code POST /api/v1/bulk-operations}, as the seed system took it and more:
 * {@code {"operation":"delete","itemIds":[...]}} or {@code {"operation":"add_tags","filter":{...},"tags":[...]}}.
 */
record BulkOperationRequest(
        @NotBlank(message = "operation is required: one of " + BulkOperation.SUPPORTED)
        String operation,
        @JsonProperty("itemIds") @JsonAlias("item_ids")
        List<String> itemIds,
        Filter filter,
        List<String> tags,
        @JsonAlias("batchSize") Integer batchSize) {

    /** The filter of a selection; see {@code SelectionFilter} in common-events. */
    record Filter(List<String> tags, String status, Boolean testData, String createdBy) {
    }
}
