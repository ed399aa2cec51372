package io.flowhub.cleanup.retention;

import io.flowhub.cleanup.file.ItemDeleter;
import io.flowhub.cleanup.job.CleanupWorkerSettings;
import io.flowhub.cleanup.job.CountsOnly;
import io.flowhub.cleanup.job.Steps;
import io.flowhub.events.PurgeSoftDeleted;
import io.flowhub.engine.EngineSettings;
import io.flowhub.engine.erasure.ErasureTargets;
import io.flowhub.engine.EngineSettings;
import io.flowhub.engine.JobWork;
import org.springframework.stereotype.Component;

import java.time.Clock;

/** Retention: hard-deletes items soft-deleted longer ago than the retention period, with their files. */
@Component
public class SoftDeletedPurge {

    private final ItemDeleter items;
    private final CleanupWorkerSettings settings;
    private final EngineSettings engine;
    private final Clock clock;

    SoftDeletedPurge(ItemDeleter items, CleanupWorkerSettings settings, EngineSettings engine, Clock clock) {
        this.items = items;
        this.settings = settings;
        this.engine = engine;
        this.clock = clock;
    }

    public JobWork work(PurgeSoftDeleted command) {
        int days = command.olderThanDays() == null ? settings.retentionDays() : command.olderThanDays();
        var expired = ErasureTargets.softDeletedBefore(clock.instant(), days);
        return command.dryRun() ? Steps.of(new CountsOnly("dry_run", () -> items.count(expired)))
                : Steps.of(items.step(expired, engine.batchSize()));
    }
}
