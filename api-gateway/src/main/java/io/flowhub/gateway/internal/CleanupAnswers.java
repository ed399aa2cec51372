package io.flowhub.gateway.internal;

import io.flowhub.events.ApplyPlan;
import io.flowhub.events.CleanupByTags;
import io.flowhub.events.CleanupCommand;
import io.flowhub.events.CleanupRun;
import io.flowhub.events.PurgeItem;
import io.flowhub.events.PurgeSoftDeleted;
import io.flowhub.events.PurgeUserData;
import io.flowhub.events.ResetAll;
import io.flowhub.events.SweepOrphanFiles;
import io.flowhub.gateway.system.Envelope;
import io.flowhub.engine.CleanupResult.Count;
import io.flowhub.engine.CleanupResult;
import org.bson.types.ObjectId;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The seed system's answer of each cleanup call, from what its job reported: one place, so a call
 * and the apply of its plan answer alike.
 */
@Component
class CleanupAnswers {

    private final CleanupTargets targets;

    CleanupAnswers(CleanupTargets targets) {
        this.targets = targets;
    }

    /** @return the answer of a completed job of this command; {@code job_id} and {@code dry_run} are added to it */
    Function<CleanupResult, Envelope<?>> of(CleanupCommand command) {
        return switch (command) {
            case PurgeUserData purge -> result -> Envelope.success()
                    .with("deleted", result.select(Count.ITEMS, Count.FILES, Count.BULK_JOBS, Count.ACTIVITY_LOGS,
                            Count.OTPS))
                    .with("preserved", Map.of("user", targets.userExists(new ObjectId(purge.userId()))));
            case CleanupByTags tags -> result -> Envelope.success().with("deleted_count", result.get(Count.ITEMS))
                    .with("method", method(tags.hardDelete())).with("files", result.get(Count.FILES));
            case CleanupRun run -> result -> Envelope.success().with("run_id", run.runId())
                    .with("deleted", run.hardDelete() ? result.select(Count.ITEMS, Count.FILES, Count.USERS)
                            : result.select(Count.ITEMS, Count.FILES)).with("method", method(run.hardDelete()));
            case PurgeItem item -> result -> Envelope.message(item.dryRun() ? "Item would be deleted permanently"
                    : "Item deleted permanently").with("deleted", result.select(Count.ITEMS, Count.FILES));
            case ResetAll reset -> result -> {
                var data = new LinkedHashMap<String, Object>();
                data.put("message", reset.dryRun() ? "Database would be wiped" : "Database wiped successfully");
                data.putAll(result.select(Count.USERS, Count.ITEMS, Count.OTPS, Count.BULK_JOBS, Count.ACTIVITY_LOGS,
                        Count.FILES));
                return Envelope.of(data);
            };
            case ApplyPlan apply -> of(apply.planned());
            case PurgeSoftDeleted ignored -> result -> Envelope.success().with("deleted", result.toMap());
            case SweepOrphanFiles ignored -> result -> Envelope.success().with("deleted", result.toMap());
        };
    }

    private static String method(boolean hardDelete) {
        return hardDelete ? "hard_delete" : "soft_delete";
    }
}
