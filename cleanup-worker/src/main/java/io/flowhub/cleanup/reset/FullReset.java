package io.flowhub.cleanup.reset;

import com.mongodb.client.MongoDatabase;
import io.flowhub.cleanup.file.FileRemovals;
import io.flowhub.cleanup.job.CleanupContext;
import io.flowhub.events.ResetAll;
import io.flowhub.store.CollectionNames;
import io.flowhub.store.file.FileStore;
import io.flowhub.store.user.AdminAccount;
import io.flowhub.store.user.Role;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.ne;

/**
 * Wipes the database for an isolated environment: users (ADMINs kept on request), items, one-time
 * codes, jobs (but this one), activity logs and idempotency keys, then every item file. Audit
 * entries stay. The bootstrap ADMIN is created again at the end.
 */
@Component
public class FullReset {

    private final MongoDatabase database;
    private final FileStore files;
    private final FileRemovals removals;
    private final AdminAccount admin;
    private final String adminEmail;
    private final String adminPassword;

    FullReset(MongoDatabase database, FileStore files, FileRemovals removals, AdminAccount admin,
            @Value("${flowhub.auth.bootstrap-admin.email}") String adminEmail,
            @Value("${flowhub.auth.bootstrap-admin.password}") String adminPassword) {
        this.database = database;
        this.files = files;
        this.removals = removals;
        this.admin = admin;
        this.adminEmail = adminEmail;
        this.adminPassword = adminPassword;
    }

    public Map<String, Long> run(ResetAll command, CleanupContext context) {
        Bson users = command.preserveAdmins() ? ne("role", Role.ADMIN.name()) : new Document();
        Bson otherJobs = ne("_id", context.jobId());
        var all = new Document();
        var targets = new LinkedHashMap<String, Bson>();
        targets.put(CollectionNames.USERS, users);
        targets.put(CollectionNames.ITEMS, all);
        targets.put(CollectionNames.OTPS, all);
        targets.put("bulk_jobs", otherJobs);
        targets.put(CollectionNames.ACTIVITY_LOGS, all);
        targets.put(CollectionNames.IDEMPOTENCY_KEYS, all);
        var result = new LinkedHashMap<String, Long>();
        List<Path> itemFiles = itemFiles();
        if (context.dryRun()) {
            targets.forEach((name, filter) -> result.put(name, collection(name).countDocuments(filter)));
            result.put("files", (long) itemFiles.size());
            return result;
        }
        targets.forEach((name, filter) -> context.done(name, collection(name).deleteMany(filter).getDeletedCount()));
        Path root = files.resolve(".");
        removals.record(itemFiles.stream().map(path -> root.relativize(path).toString()).toList(), context.jobId(),
                Optional.empty());
        var removed = removals.removeFor(context.jobId());
        context.done("files", removed.removed());
        context.done("files_failed", removed.failed());
        admin.ensureExists(adminEmail, new BCryptPasswordEncoder().encode(adminPassword));
        return context.resultSoFar();
    }

    private com.mongodb.client.MongoCollection<Document> collection(String name) {
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
