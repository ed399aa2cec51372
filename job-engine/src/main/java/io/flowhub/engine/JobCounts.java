package io.flowhub.engine;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a job has done so far. Skipped items are counted by reason.
 *
 * @param processed   items the job changed
 * @param alreadyDone items already in the target state
 * @param notFound    ids that name no item
 * @param notOwned    items of another user, which the job may not change; the item jobs count those as not
 *                    found (so an id's existence is never told to someone who may not see it), so this stays 0
 *                    but for jobs recorded before that, and remains in the contract's skip reasons
 * @param changedSince items an undo left alone because something changed them after the job it undoes
 * @param failed      items that could not be changed
 * @param held        items a destructive job left alone because an operator holds them
 */
public record JobCounts(long processed, long alreadyDone, long notFound, long notOwned, long changedSince,
                        long failed, long held) {

    public static final JobCounts NONE = new JobCounts(0, 0, 0, 0, 0, 0, 0);

    /** Counts of a job that holds left nothing alone. */
    public JobCounts(long processed, long alreadyDone, long notFound, long notOwned, long changedSince, long failed) {
        this(processed, alreadyDone, notFound, notOwned, changedSince, failed, 0);
    }

    /** Counts of a job that is not an undo, which skips nothing as changed since. */
    public JobCounts(long processed, long alreadyDone, long notFound, long notOwned, long failed) {
        this(processed, alreadyDone, notFound, notOwned, 0, failed, 0);
    }

    /** @return these counts with {@code more} items left alone for a hold */
    public JobCounts plusHeld(long more) {
        return new JobCounts(processed, alreadyDone, notFound, notOwned, changedSince, failed, held + more);
    }

    public JobCounts plus(JobCounts other) {
        return new JobCounts(processed + other.processed, alreadyDone + other.alreadyDone, notFound + other.notFound,
                notOwned + other.notOwned, changedSince + other.changedSince, failed + other.failed, held + other.held);
    }

    public long skipped() {
        return alreadyDone + notFound + notOwned + changedSince + held;
    }

    public long total() {
        return processed + skipped() + failed;
    }

    /** @return the skip reasons as the API and events name them */
    public Map<String, Long> skipReasons() {
        var reasons = new LinkedHashMap<String, Long>();
        reasons.put("already_done", alreadyDone);
        reasons.put("not_found", notFound);
        reasons.put("not_owned", notOwned);
        if (changedSince > 0) {
            reasons.put("changed_since", changedSince);
        }
        if (held > 0) {
            reasons.put("held", held);
        }
        return reasons;
    }
}
