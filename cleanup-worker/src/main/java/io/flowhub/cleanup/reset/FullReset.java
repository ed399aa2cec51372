package io.flowhub.cleanup.reset;

import com.mongodb.client.MongoDatabase;
import io.flowhub.cleanup.file.FileRemovals;
import io.flowhub.cleanup.job.CleanupCounts;
import io.flowhub.cleanup.job.CountsOnly;
import io.flowhub.cleanup.job.Steps;
import io.flowhub.events.ResetAll;
import io.flowhub.store.JobId;
import io.flowhub.engine.erasure.ErasureTarget;
import io.flowhub.engine.erasure.ErasureTargets;
import io.flowhub.store.file.FileStore;
import io.flowhub.engine.item.Holds;
import io.flowhub.engine.BatchContext;
import io.flowhub.engine.CleanupResult.Count;
import io.flowhub.engine.Job;
import io.flowhub.engine.JobWork;
import io.flowhub.engine.LedgerEntry;
import io.flowhub.engine.ProcessedCommands;
import io.flowhub.engine.Unrunnable;
import io.flowhub.store.policy.EnvironmentPolicy;
import io.flowhub.store.policy.Secrets;
import io.flowhub.store.user.AdminAccount;
import io.flowhub.store.user.BootstrapAdminSettings;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Wipes the database for an isolated environment: users (ADMINs kept on request), items, one-time
 * codes, jobs but this one (each leaving a tombstone, so a command delivered late never re-creates
 * it), activity logs and job ledgers, idempotency keys, then every item file. Audit entries and
 * tombstones stay. The bootstrap ADMIN is created again at the end.
 */
@Component
public class FullReset {

    static final String STEP = "wipe";

    private final MongoDatabase database;
    private final FileStore files;
    private final FileRemovals removals;
    private final ProcessedCommands processed;
    private final AdminAccount admin;
    private final BootstrapAdminSettings adminSettings;
    private final Holds holds;

    FullReset(MongoDatabase database, FileStore files, FileRemovals removals, ProcessedCommands processed,
            AdminAccount admin, EnvironmentPolicy policy, BootstrapAdminSettings adminSettings, Holds holds) {
        this.holds = holds;
        // why: a reset creates the bootstrap ADMIN again with this worker's own setting, so the worker must be
        // given the same real password as the gateway; the built-in one would open the new ADMIN to anyone
        Secrets.check(policy.environment(), BootstrapAdminSettings.PASSWORD_SETTING, adminSettings.password(),
                AdminAccount.DEVELOPMENT_PASSWORD, Secrets.SHORTEST_ADMIN_PASSWORD);
        this.database = database;
        this.files = files;
        this.removals = removals;
        this.processed = processed;
        this.admin = admin;
        this.adminSettings = adminSettings;
    }

    public JobWork work(ResetAll command, Job job) {
        var targets = ErasureTargets.reset(command, job.id());
        long held = holds.count();
        if (held > 0 && !command.ignoreHolds() && !command.dryRun()) {
            // why: checked here too, for a reset that reaches the worker from another producer
            return new Unrunnable(held + " holds keep items (GET /internal/holds); release them, or reset with"
                    + " ignore_holds=true to wipe held items too");
        }
        if (command.dryRun()) {
            return Steps.of(new CountsOnly("dry_run",
                    () -> ErasureTarget.countAll(targets, database).with(Count.FILES, itemFiles().size())));
        }
        return Steps.of(new Wipe(targets, job.id()));
    }

    private final class Wipe implements Steps.Step {

        private final List<ErasureTarget> targets;
        private final JobId resetJob;

        Wipe(List<ErasureTarget> targets, JobId resetJob) {
            this.targets = targets;
            this.resetJob = resetJob;
        }

        @Override
        public String name() {
            return STEP;
        }

        @Override
        public Optional<LedgerEntry> next(BatchContext batch) {
            if (owns(batch)) {
                return Optional.empty();
            }
            Path root = files.resolve(".");
            List<String> itemFiles = itemFiles().stream().map(path -> root.relativize(path).toString()).toList();
            removals.record(itemFiles, resetJob, batch.number());
            var counts = ErasureTarget.countAll(targets, database).with(Count.FILES, itemFiles.size());
            return Optional.of(batch.record(List.of(), CleanupCounts.processed(counts), List.of(), counts,
                    batch.checkpoint().next(STEP, 0, null), Optional.empty()));
        }

        @Override
        public LedgerEntry settle(LedgerEntry entry) {
            targets.forEach(target -> target.delete(database, processed));
            var files = removals.removeFor(resetJob, entry.batch());
            admin.ensureExists(adminSettings.email(), new BCryptPasswordEncoder().encode(adminSettings.password()));
            return FileRemovals.withFilesFailed(entry, files.failed());
        }
    }

    private List<Path> itemFiles() {
        Path directory = files.resolve("items");
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(directory)) {
            return walk.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list the item files", e);
        }
    }
}
