package io.flowhub.events;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Items chosen by what they are rather than by id; the worker resolves them itself, in {@code _id}
 * order, a batch at a time. At least one of {@code tags}, {@code test_data}, {@code created_by} or
 * {@code run_id} is required, so a filter never means "everything".
 *
 * @param tags      items carrying any of these tags
 * @param status    {@code active}, {@code inactive}, or {@code null} for both
 * @param testData  only test data (true) or only real data (false), or {@code null} for both
 * @param createdBy only items created by this user (an ObjectId), or {@code null}
 * @param runId     only items created under this test run ({@link RunIds}), or {@code null}
 */
public record SelectionFilter(List<String> tags, String status, Boolean testData, String createdBy, String runId) {

    private static final Set<String> STATUSES = Set.of("active", "inactive");

    public SelectionFilter {
        tags = Tags.check("filter.tags", tags);
        if (tags.isEmpty() && testData == null && createdBy == null && runId == null) {
            throw new InvalidCommandException("filter needs at least one of tags, test_data, created_by, run_id: "
                    + "a filter never selects everything");
        }
        if (status != null) {
            status = status.toLowerCase(Locale.ROOT);
            if (!STATUSES.contains(status)) {
                throw new InvalidCommandException("filter.status '" + status + "' is not one of active, inactive");
            }
        }
        CommandFields.requireObjectIdOrNull(createdBy, "filter.created_by");
        RunIds.checkOrNull("filter.run_id", runId);
    }
}
