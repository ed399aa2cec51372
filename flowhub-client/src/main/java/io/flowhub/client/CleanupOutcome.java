package io.flowhub.client;

import tools.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a cleanup call answered: done ({@code 200}, with what was deleted) or still running
 * ({@code 202}, with the job to wait for).
 *
 * @param jobId   the cleanup's job
 * @param done    true when the job had finished before the answer
 * @param dryRun  true when nothing was deleted, only counted
 * @param deleted what was deleted (or would be), by what it counts ({@code items}, {@code files}, ...);
 *                empty while the job runs
 * @param body    the whole answer, for the fields of one call ({@code preserved}, {@code method}, ...)
 */
public record CleanupOutcome(String jobId, boolean done, boolean dryRun, Map<String, Long> deleted, JsonNode body) {

    static CleanupOutcome of(Http.Answer answer) {
        JsonNode body = answer.body();
        var deleted = new LinkedHashMap<String, Long>();
        JsonNode counts = body.has("deleted") ? body.get("deleted") : body.path("data");
        counts.properties().forEach(entry -> {
            if (entry.getValue().isNumber()) {
                deleted.put(entry.getKey(), entry.getValue().asLong());
            }
        });
        if (body.has("deleted_count")) {
            deleted.put("items", body.get("deleted_count").asLong());
            deleted.put("files", body.path("files").asLong());
        }
        return new CleanupOutcome(body.path("job_id").asString(), answer.status() == 200,
                body.path("dry_run").asBoolean(), deleted, body);
    }

    /** @return the plan a dry run left when asked ({@link Cleanups#planning()}), to apply with {@link Cleanups#applyPlan} */
    public java.util.Optional<String> planId() {
        JsonNode plan = body.path("plan").path("plan_id");
        return plan.isString() ? java.util.Optional.of(plan.asString()) : java.util.Optional.empty();
    }

    /** @return how many items were deleted (or would be) */
    public long items() {
        return deleted.getOrDefault("items", 0L);
    }
}
