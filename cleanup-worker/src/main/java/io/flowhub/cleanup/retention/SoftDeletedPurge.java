package io.flowhub.cleanup.retention;

import io.flowhub.cleanup.CleanupWorkerSettings;
import io.flowhub.cleanup.file.ItemDeleter;
import io.flowhub.cleanup.job.CleanupContext;
import io.flowhub.events.PurgeSoftDeleted;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;

/** Retention: hard-deletes items soft-deleted longer ago than the retention period, with their files. */
@Component
public class SoftDeletedPurge {

    private final ItemDeleter items;
    private final CleanupWorkerSettings settings;
    private final Clock clock;

    SoftDeletedPurge(ItemDeleter items, CleanupWorkerSettings settings, Clock clock) {
        this.items = items;
        this.settings = settings;
        this.clock = clock;
    }

    public Map<String, Long> run(PurgeSoftDeleted command, CleanupContext context) {
        int days = command.olderThanDays() == null ? settings.retentionDays() : command.olderThanDays();
        var expired = and(eq("is_active", false), lt("deleted_at", Date.from(clock.instant().minus(Duration.ofDays(days)))));
        var deleted = context.dryRun() ? items.count(expired) : items.delete(expired, context.jobId(),
                settings.batchSize(), soFar -> context.progress("items", soFar));
        var result = new LinkedHashMap<String, Long>();
        result.put("items", deleted.items());
        result.put("files", deleted.files());
        return result;
    }
}
