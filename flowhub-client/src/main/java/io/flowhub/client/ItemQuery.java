package io.flowhub.client;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The filters of {@code GET /items} and {@code GET /items/count}; every one left {@code null} is not
 * applied. A client with a run id asks for that run's items unless {@link #runId} is set otherwise.
 *
 * @param status    active (the API's default), inactive or all
 * @param tags      items with any of these tags
 * @param testData  only test data, only real data, or both ({@code null})
 * @param createdBy one user's items (an ADMIN's filter, or an EDITOR's own id)
 * @param text      a piece of the name
 * @param runId     one test run's items
 */
public record ItemQuery(String status, List<String> tags, Boolean testData, String createdBy, String text,
                        String runId) {

    public static final ItemQuery ALL_ACTIVE = new ItemQuery(null, null, null, null, null, null);

    public static ItemQuery ofRun(String runId) {
        return new ItemQuery(null, null, null, null, null, runId);
    }

    public static ItemQuery tagged(String... tags) {
        return new ItemQuery(null, List.of(tags), null, null, null, null);
    }

    public ItemQuery withStatus(String anyStatus) {
        return new ItemQuery(anyStatus, tags, testData, createdBy, text, runId);
    }

    Map<String, Object> parameters() {
        var parameters = new LinkedHashMap<String, Object>();
        parameters.put("status", status);
        parameters.put("tags", tags == null || tags.isEmpty() ? null : tags);
        parameters.put("test_data", testData);
        parameters.put("created_by", createdBy);
        parameters.put("q", text);
        parameters.put("run_id", runId);
        return parameters;
    }
}
