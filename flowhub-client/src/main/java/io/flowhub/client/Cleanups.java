package io.flowhub.client;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The internal cleanup API, with the internal key: each call runs as a job on cleanup-worker. By
 * default the gateway waits for it and the outcome says what was deleted; {@link #async()} answers
 * at once with the job to wait for ({@link Jobs#waitFor}). Every call takes a dry run, which counts
 * and deletes nothing; {@link #planning()} dry runs also freeze their selection as a plan.
 */
public final class Cleanups {

    private final Http http;
    private final boolean async;
    private final boolean plan;

    Cleanups(Http http, boolean async) {
        this(http, async, false);
    }

    private Cleanups(Http http, boolean async, boolean plan) {
        this.http = http;
        this.async = async;
        this.plan = plan;
    }

    /** @return the same calls, answered at once with the job ({@code Prefer: respond-async}) */
    public Cleanups async() {
        return new Cleanups(http, true, plan);
    }

    /**
     * @return the same calls whose dry runs also leave a plan ({@code plan=true}, never in production):
     * {@link CleanupOutcome#planId()}, to apply with {@link #applyPlan}; a call that is not a dry run
     * is then refused (400)
     */
    public Cleanups planning() {
        return new Cleanups(http, async, true);
    }

    /** Everything created under the test run, whoever created it: hard (with files) or soft. */
    public CleanupOutcome run(String runId, boolean hardDelete, boolean dryRun) {
        return CleanupOutcome.of(http.delete("/api/v1/internal/runs/" + Http.encode(runId),
                query("hard_delete", hardDelete, "dry_run", dryRun), prefer()));
    }

    /** One user's items, files, jobs, activity and codes; the user record stays. */
    public CleanupOutcome user(String userId, boolean dryRun) {
        return CleanupOutcome.of(http.delete("/api/v1/internal/users/" + Http.encode(userId) + "/data",
                query("dry_run", dryRun), prefer()));
    }

    /**
     * Test data by tags or the test_data flag, optionally one user's and one run's and created before a time.
     *
     * @param tags required unless {@code testData} is true
     */
    public CleanupOutcome tags(List<String> tags, Boolean testData, String userId, String runId, Instant createdBefore,
            boolean hardDelete, boolean dryRun) {
        var body = new LinkedHashMap<String, Object>();
        body.put("tags", tags);
        body.put("test_data", testData);
        body.put("user_id", userId);
        body.put("run_id", runId);
        body.put("created_before", createdBefore == null ? null : createdBefore.toString());
        body.put("hard_delete", hardDelete);
        return CleanupOutcome.of(http.post("/api/v1/internal/cleanup-test-data", query("dry_run", dryRun), body,
                prefer()));
    }

    /** One item and its file, for good. */
    public CleanupOutcome item(String itemId, boolean dryRun) {
        return CleanupOutcome.of(http.delete("/api/v1/internal/items/" + Http.encode(itemId) + "/permanent",
                query("dry_run", dryRun), prefer()));
    }

    /** Everything but the audit (and the ADMINs when asked): development and test only, staging when allowed. */
    public CleanupOutcome reset(boolean preserveAdmins, boolean dryRun) {
        return CleanupOutcome.of(http.post("/api/v1/internal/reset",
                query("preserve_admins", preserveAdmins, "dry_run", dryRun), null, prefer()));
    }

    /**
     * Does what a dry run planned and nothing else ({@link CleanupOutcome#planId()} of the dry run): never an
     * item created after the plan; an item gone since is skipped. Applying a plan again answers with the first
     * apply's job.
     *
     * @throws FlowHubException.GoneException when the plan has expired
     */
    public CleanupOutcome applyPlan(String planId) {
        return CleanupOutcome.of(http.post("/api/v1/internal/plans/" + Http.encode(planId) + "/apply", Map.of(), null,
                prefer()));
    }

    private Map<String, String> prefer() {
        return async ? Map.of("Prefer", "respond-async") : Map.of();
    }

    private Map<String, Object> query(Object... namesAndValues) {
        var query = new LinkedHashMap<String, Object>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            query.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        if (plan) {
            query.put("plan", true);
        }
        return query;
    }
}
