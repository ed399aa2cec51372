package io.flowhub.cleanup.reset;

import com.mongodb.client.MongoDatabase;
import io.flowhub.cleanup.file.FileRemovals;
import io.flowhub.cleanup.file.ItemDeleter;
import io.flowhub.cleanup.job.CleanupCounts;
import io.flowhub.cleanup.job.CountsOnly;
import io.flowhub.cleanup.job.Steps;
import io.flowhub.events.ResetAll;
import io.flowhub.store.CollectionNames;
import io.flowhub.store.JobId;
import io.flowhub.store.file.FileStore;
import io.flowhub.store.job.BatchContext;
import io.flowhub.store.job.CleanupResult.Count;
import io.flowhub.store.job.CleanupResult;
import io.flowhub.store.job.Job;
import io.flowhub.store.job.JobWork;
import io.flowhub.store.job.LedgerEntry;
import io.flowhub.store.job.ProcessedCommands;
import io.flowhub.store.policy.EnvironmentPolicy;
import io.flowhub.store.policy.Secrets;
import io.flowhub.store.user.AdminAccount;
import io.flowhub.store.user.BootstrapAdminSettings;
import io.flowhub.store.user.Role;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static com.mongodb.client.model.Filters.ne;

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

    FullReset(MongoDatabase database, FileStore files, FileRemovals removals, ProcessedCommands processed,
            AdminAccount admin, EnvironmentPolicy policy, BootstrapAdminSettings adminSettings) {
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
        var targets = targets(command, job.id());
        if (command.dryRun()) {
            return Steps.of(new CountsOnly("dry_run", () -> count(targets).with(Count.FILES, itemFiles().size())));
        }
        return Steps.of(new Wipe(targets, job.id()));
    }

    /** What a reset deletes: a collection, the documents in it, and what they count as in the result. */
    private record Target(String collection, Bson filter, Count countsAs) {
    }

    private static List<Target> targets(ResetAll command, JobId resetJob) {
        var all = new Document();
        // why: job ledgers are the jobs' activity; the seed's answer has no key of their own for them
        return List.of(
                new Target(CollectionNames.USERS, command.preserveAdmins() ? ne("role", Role.ADMIN.name()) : all,
                        Count.USERS),
                new Target(CollectionNames.ITEMS, all, Count.ITEMS),
                new Target(CollectionNames.OTPS, all, Count.OTPS),
                new Target(CollectionNames.JOBS, ne("_id", resetJob.value()), Count.BULK_JOBS),
                new Target(CollectionNames.ACTIVITY_LOGS, all, Count.ACTIVITY_LOGS),
                new Target(CollectionNames.JOB_LEDGER, ne("job_id", resetJob.value()), Count.ACTIVITY_LOGS),
                new Target(CollectionNames.IDEMPOTENCY_KEYS, all, Count.IDEMPOTENCY_KEYS));
    }

    /** @return how many documents each count of the targets holds now */
    private CleanupResult count(List<Target> targets) {
        return targets.stream().map(target -> CleanupResult.of(target.countsAs(),
                        database.getCollection(target.collection()).countDocuments(target.filter())))
                .reduce(CleanupResult.NONE, CleanupResult::plus);
    }

    private final class Wipe implements Steps.Step {

        private final List<Target> targets;
        private final JobId resetJob;

        Wipe(List<Target> targets, JobId resetJob) {
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
            var counts = count(targets).with(Count.FILES, itemFiles.size());
            return Optional.of(batch.record(List.of(), CleanupCounts.processed(counts), List.of(), counts,
                    batch.checkpoint().next(STEP, 0, null), Optional.empty()));
        }

        @Override
        public LedgerEntry settle(LedgerEntry entry) {
            for (Target target : targets) {
                if (target.countsAs() == Count.BULK_JOBS) {
                    processed.deleteJobs(target.filter());
                } else {
                    database.getCollection(target.collection()).deleteMany(target.filter());
                }
            }
            var files = removals.removeFor(resetJob, entry.batch());
            admin.ensureExists(adminSettings.email(), new BCryptPasswordEncoder().encode(adminSettings.password()));
            return ItemDeleter.withFilesFailed(entry, files.failed());
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
