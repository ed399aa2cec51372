package io.flowhub.events;

import java.util.Map;

/**
 * Where a job stands, as every job event reports it.
 *
 * @param kind        {@code bulk} or {@code cleanup}
 * @param operation   what the job does, for example {@code delete}
 * @param ownerId     who asked, or {@code null}
 * @param status      {@code queued}, {@code running}, {@code completed}, {@code failed} or {@code cancelled}
 * @param progress    0 to 100
 * @param totalItems  the items the job covers
 * @param processed   items the job changed
 * @param skipped     items left as they were
 * @param skipReasons {@code skipped} by reason: {@code already_done}, {@code not_found}, {@code not_owned}
 * @param failed      items that could not be changed
 */
public record JobSnapshot(String kind, String operation, String ownerId, String status, int progress, long totalItems,
                          long processed, long skipped, Map<String, Long> skipReasons, long failed) {
}
