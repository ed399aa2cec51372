package io.flowhub.gateway.job;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.flowhub.events.Operation;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * Body of {@code POST /api/v1/bulk-operations}, as the seed system took it and more:
 * {@code {"operation":"delete","itemIds":[...]}} or {@code {"operation":"add_tags","filter":{...},"tags":[...]}}.
 */
record BulkOperationRequest(
        @NotBlank(message = "operation is required: one of " + Operation.BULK_NAMES)
        String operation,
        @JsonProperty("itemIds") @JsonAlias("item_ids")
        @Size(max = BulkOperationRequest.MAX_ITEM_IDS, message = "itemIds holds at most " + BulkOperationRequest.MAX_ITEM_IDS
                + " ids: split the list into several jobs, or select the items with a filter")
        List<String> itemIds,
        Filter filter,
        List<String> tags,
        @JsonAlias("batchSize") Integer batchSize) {

    /** The most ids one job takes by list: its command must fit in one Kafka record. */
    static final int MAX_ITEM_IDS = 10_000;

    /** The filter of a selection; see {@code SelectionFilter} in common-events. */
    record Filter(List<String> tags, String status, Boolean testData, String createdBy, String runId) {
    }
}
