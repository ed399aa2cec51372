package io.flowhub.cleanup.file;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import io.flowhub.cleanup.job.CleanupMetrics;
import io.flowhub.store.CollectionNames;
import io.flowhub.store.JobId;
import io.flowhub.store.file.FileStore;
import io.flowhub.store.file.PathOutsideRootException;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Projections.include;
import static io.flowhub.store.item.ItemFields.FILE_PATH;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.inc;
import static com.mongodb.client.model.Updates.set;
import static com.mongodb.client.model.Updates.setOnInsert;

/**
 * File removals that must not be forgotten. A removal is recorded before the database delete that
 * orphans its file, carried out after that delete succeeded, and kept as {@code failed} (for the
 * orphan sweep to retry) when the file could not be removed. A missing file counts as removed; a
 * path that leads outside the files root is refused, logged, and never touched.
 */
@Component
public class FileRemovals {

    static final String COLLECTION = CollectionNames.FILE_REMOVALS;
    /** The removals still to carry out: recorded, or failed and waiting for a retry. */
    private static final Bson OPEN = in("status", List.of("pending", "failed"));
    private static final String PATH = "path";
    private static final Logger log = LoggerFactory.getLogger(FileRemovals.class);
    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);

    private static final int CHECKED_AT_ONCE = 500;

    private final MongoCollection<Document> removals;
    private final MongoCollection<Document> items;
    private final FileStore files;
    private final Clock clock;
    private final CleanupMetrics metrics;

    FileRemovals(MongoDatabase database, FileStore files, Clock clock, CleanupMetrics metrics) {
        this.metrics = metrics;
        this.removals = database.getCollection(COLLECTION);
        this.items = database.getCollection(CollectionNames.ITEMS);
        this.files = files;
        this.clock = clock;
    }

    /**
     * Records that these files are to go with this batch of this job, in one bulk write: recording
     * them again changes nothing. A file removed before by another job and back on disk since is
     * taken over by this one.
     */
    public void record(List<String> paths, JobId jobId, int batch) {
        if (paths.isEmpty()) {
            return;
        }
        Date now = Date.from(clock.instant());
        var writes = new ArrayList<WriteModel<Document>>();
        for (String path : paths) {
            writes.add(new UpdateOneModel<>(and(eq(PATH, path), eq("status", "done"), ne("job_id", jobId.value())),
                    combine(set("job_id", jobId.value()), set("batch", batch), set("status", "pending"),
                            set("attempts", 0), set("created_at", now))));
            writes.add(new UpdateOneModel<>(eq(PATH, path), combine(setOnInsert("job_id", jobId.value()),
                    setOnInsert("batch", batch), setOnInsert("status", "pending"), setOnInsert("attempts", 0),
                    setOnInsert("created_at", now)), UPSERT));
        }
        removals.bulkWrite(writes);
    }

    /** Carries out the removals recorded for one batch of a job. */
    public Outcome removeFor(JobId jobId, int batch) {
        return remove(removals.find(and(eq("job_id", jobId.value()), eq("batch", batch), OPEN)).into(new ArrayList<>()));
    }

    /** Carries out the removals recorded for a job, whichever batch recorded them. */
    public Outcome removeFor(JobId jobId) {
        return remove(removals.find(and(eq("job_id", jobId.value()), OPEN)).into(new ArrayList<>()));
    }

    /** Retries every removal still pending or failed, whichever job recorded it. */
    public Outcome retryAll() {
        return remove(removals.find(OPEN).into(new ArrayList<>()));
    }

    /** Removes one file no item points at; the sweep has checked that. */
    public boolean removeOrphan(String relativePath) {
        return removeOne(relativePath) == Result.REMOVED;
    }

    private Outcome remove(List<Document> pending) {
        var stillUsed = referenced(pending.stream().map(removal -> removal.getString(PATH)).toList());
        var finished = new ArrayList<String>();
        var failed = new ArrayList<String>();
        long removed = 0;
        for (Document removal : pending) {
            String path = removal.getString(PATH);
            if (stillUsed.contains(path)) {
                // why: the item was changed after its delete was planned and survived it; its file stays
                finished.add(path);
                continue;
            }
            switch (removeOne(path)) {
                case REMOVED -> {
                    finished.add(path);
                    removed++;
                }
                case ABSENT -> finished.add(path);
                case FAILED, REFUSED -> failed.add(path);
            }
        }
        // why: one write for the records of all the files handled, not one per file; a finished record stays,
        // so an erasure receipt can look again for the files its job removed
        if (!finished.isEmpty()) {
            removals.updateMany(in(PATH, finished), combine(set("status", "done"), set("done_at", Date.from(clock.instant()))));
        }
        if (!failed.isEmpty()) {
            removals.updateMany(in(PATH, failed), combine(set("status", "failed"), inc("attempts", 1),
                    set("failed_at", Date.from(clock.instant()))));
        }
        metrics.files("deleted", removed);
        metrics.files("failed", failed.size());
        return new Outcome(removed, failed.size());
    }

    /** @return the paths among these that an item still points at, checked a few hundred at a time */
    Set<String> referenced(List<String> paths) {
        var used = new HashSet<String>();
        for (int from = 0; from < paths.size(); from += CHECKED_AT_ONCE) {
            items.find(in(FILE_PATH, paths.subList(from, Math.min(paths.size(), from + CHECKED_AT_ONCE))))
                    .projection(include(FILE_PATH)).forEach(item -> used.add(item.getString(FILE_PATH)));
        }
        return used;
    }

    private Result removeOne(String relativePath) {
        try {
            return Files.deleteIfExists(files.resolve(relativePath)) ? Result.REMOVED : Result.ABSENT;
        } catch (PathOutsideRootException e) {
            log.error("Refusing to remove '{}': it resolves outside the files root", relativePath);
            return Result.REFUSED;
        } catch (IOException | RuntimeException e) {
            log.warn("Could not remove file {}: {}; the orphan sweep will retry", relativePath, e.getMessage());
            return Result.FAILED;
        }
    }

    private enum Result { REMOVED, ABSENT, FAILED, REFUSED }

    /** @param removed files removed; @param failed files that could not be removed and wait for a retry */
    public record Outcome(long removed, long failed) {
    }
}
