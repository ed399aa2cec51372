package io.flowhub.cleanup.reset;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.flowhub.cleanup.file.FileRemovals;
import io.flowhub.cleanup.file.ItemDeleter;
import io.flowhub.cleanup.job.CleanupCounts;
import io.flowhub.cleanup.job.CountsOnly;
import io.flowhub.cleanup.job.Steps;
import io.flowhub.events.ResetAll;
import io.flowhub.store.CollectionNames;
import io.flowhub.store.file.FileStore;
import io.flowhub.store.job.BatchContext;
import io.flowhub.store.job.Job;
import io.flowhub.store.job.JobWork;
import io.flowhub.store.job.LedgerEntry;
import io.flowhub.store.job.ProcessedCommands;
import io.flowhub.store.policy.EnvironmentPolicy;
import io.flowhub.store.policy.Secrets;
import io.flowhub.store.user.AdminAccount;
import io.flowhub.store.user.Role;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Projections.include;

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
    private final String adminEmail;
    private final String adminPassword;

    FullReset(MongoDatabase database, FileStore files, FileRemovals removals, ProcessedCommands processed,
            AdminAccount admin, EnvironmentPolicy policy,
            @Value("${flowhub.auth.bootstrap-admin.email}") String adminEmail,
            @Value("${flowhub.auth.bootstrap-admin.password}") String adminPassword) {
        // why: a reset creates the bootstrap ADMIN again with this worker's own setting, so the worker must be
        // given the same real password as the gateway; the built-in one would open the new ADMIN to anyone
        Secrets.check(policy.environment(),
                "the admin password (flowhub.auth.bootstrap-admin.password, FLOWHUB_ADMIN_PASSWORD)", adminPassword,
                AdminAccount.DEVELOPMENT_PASSWORD, Secrets.SHORTEST_ADMIN_PASSWORD);
        this.database = database;
        this.files = files;
        this.removals = removals;
        this.processed = processed;
        this.admin = admin;
        this.adminEmail = adminEmail;
        this.adminPassword = adminPassword;
    }

    public JobWork work(ResetAll command, Job job) {
        var targets = targets(command, job.id());
        if (command.dryRun()) {
            return Steps.of(new CountsOnly("dry_run", () -> {
                var counts = new LinkedHashMap<String, Long>();
                targets.forEach((name, filter) -> counts.put(name, collection(name).countDocuments(filter)));
                counts.put("files", (long) itemFiles().size());
                return counts;
            }));
        }
        return Steps.of(new Wipe(targets, job.id()));
    }

    private Map<String, Bson> targets(ResetAll command, ObjectId resetJob) {
        var all = new Document();
        var targets = new LinkedHashMap<String, Bson>();
        targets.put(CollectionNames.USERS, command.preserveAdmins() ? ne("role", Role.ADMIN.name()) : all);
        targets.put(CollectionNames.ITEMS, all);
        targets.put(CollectionNames.OTPS, all);
        targets.put("bulk_jobs", ne("_id", resetJob));
        targets.put(CollectionNames.ACTIVITY_LOGS, all);
        targets.put(CollectionNames.JOB_LEDGER, ne("job_id", resetJob));
        targets.put(CollectionNames.IDEMPOTENCY_KEYS, all);
        return targets;
    }

    private final class Wipe implements Steps.Step {

        private final Map<String, Bson> targets;
        private final ObjectId resetJob;

        Wipe(Map<String, Bson> targets, ObjectId resetJob) {
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
            var counts = new LinkedHashMap<String, Long>();
            targets.forEach((name, filter) -> counts.put(name, collection(name).countDocuments(filter)));
            // why: job ledgers are the jobs' activity; the seed's answer has no key of their own for them
            counts.merge(CollectionNames.ACTIVITY_LOGS, counts.remove(CollectionNames.JOB_LEDGER), Long::sum);
            Path root = files.resolve(".");
            List<String> itemFiles = itemFiles().stream().map(path -> root.relativize(path).toString()).toList();
            removals.record(itemFiles, resetJob, batch.number());
            counts.put("files", (long) itemFiles.size());
            return Optional.of(batch.record(List.of(), CleanupCounts.processed(counts), List.of(), counts,
                    batch.checkpoint().next(STEP, 0, null), Optional.empty()));
        }

        @Override
        public LedgerEntry settle(LedgerEntry entry) {
            var doomed = new HashMap<String, ObjectId>();
            collection("bulk_jobs").find(targets.get("bulk_jobs")).projection(include("_id", "command_id"))
                    .forEach(job -> doomed.put(job.getString("command_id"), job.getObjectId("_id")));
            processed.recordAll(doomed, "deleted");
            if (!doomed.isEmpty()) {
                collection("bulk_jobs").deleteMany(in("_id", doomed.values()));
            }
            targets.forEach((name, filter) -> {
                if (!name.equals("bulk_jobs")) {
                    collection(name).deleteMany(filter);
                }
            });
            var files = removals.removeFor(resetJob, entry.batch());
            admin.ensureExists(adminEmail, new BCryptPasswordEncoder().encode(adminPassword));
            return ItemDeleter.withFilesFailed(entry, files.failed());
        }
    }

    private MongoCollection<Document> collection(String name) {
        return database.getCollection(name.equals("bulk_jobs") ? CollectionNames.JOBS : name);
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
