package io.flowhub.gateway.internal;

import java.time.Instant;
import java.util.List;

/**
 * Body of {@code POST /internal/cleanup-test-data}, as the seed system asked for it.
 *
 * @param tags          items with any of these tags; required unless {@code test_data} is true
 * @param hardDelete    remove items and files (default) or soft-delete them
 * @param userId        only this user's items
 * @param createdBefore only items created before this time
 * @param testData      true to select items flagged as test data
 * @param dryRun        report, delete nothing
 * @param runId         only items created under this test run
 */
record CleanupTestDataRequest(List<String> tags, Boolean hardDelete, String userId, Instant createdBefore,
                              Boolean testData, Boolean dryRun, String runId) {
}
