package io.flowhub.cleanup.file;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.WriteModel;
import io.flowhub.cleanup.job.CleanupMetrics;
import io.flowhub.engine.CleanupResult;
import io.flowhub.engine.CleanupResult.Count;
import io.flowhub.engine.LedgerEntry;
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
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
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
     * Records that these files are to go with this batch of this job: recording them again changes nothing. A file
     * removed before by another job and back on disk since is taken over by this one. One read finds which paths have
     * a record already; the others are inserted together, the done ones taken over by one update — a few writes for
     * the batch, not two per file (each of which the embedded server answered with a pass over every record).
     */
    public void record(List<String> paths, JobId jobId, int batch) {
        if (paths.isEmpty()) {
            return;
        }
        Date now = Date.from(clock.instant());
        var known = new HashMap<String, Document>();
        for (int from = 0; from < paths.size(); from += CHECKED_AT_ONCE) {
            removals.find(in(PATH, paths.subList(from, Math.min(paths.size(), from + CHECKED_AT_ONCE))))
                    .projection(include(PATH, "status", "job_id"))
                    .forEach(removal -> known.put(removal.getString(PATH), removal));
        }
        var takenOver = new ArrayList<String>();
        var fresh = new ArrayList<Document>();
        for (String path : new LinkedHashSet<>(paths)) {
            Document removal = known.get(path);
            if (removal == null) {
                fresh.add(new Document(PATH, path).append("job_id", jobId.value()).append("batch", batch)
                        .append("status", "pending").append("attempts", 0).append("created_at", now));
            } else if ("done".equals(removal.getString("status")) && !jobId.value().equals(removal.get("job_id"))) {
                takenOver.add(path);
            }
        }
        if (!takenOver.isEmpty()) {
            removals.updateMany(and(in(PATH, takenOver), eq("status", "done"), ne("job_id", jobId.value())),
                    takeOver(jobId, batch, now));
        }
        if (!fresh.isEmpty()) {
            insertFresh(fresh, jobId, batch, now);
        }
    }

    /**
     * Inserts the records of paths that had none; a path another job recorded meanwhile (the unique index on
     * {@code path} refuses the second) is recorded as if it had been there: taken over if done, else left to its job.
     */
    private void insertFresh(List<Document> fresh, JobId jobId, int batch, Date now) {
        try {
            removals.insertMany(fresh, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            var raced = new ArrayList<WriteModel<Document>>();
            for (BulkWriteError error : e.getWriteErrors()) {
                if (error.getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                String path = fresh.get(error.getIndex()).getString(PATH);
                raced.add(new UpdateOneModel<>(and(eq(PATH, path), eq("status", "done"), ne("job_id", jobId.value())),
                        takeOver(jobId, batch, now)));
            }
            removals.bulkWrite(raced);
        }
    }

    private static Bson takeOver(JobId jobId, int batch, Date now) {
        return combine(set("job_id", jobId.value()), set("batch", batch), set("status", "pending"), set("attempts", 0),
                set("created_at", now));
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

    /**
     * @return the entry with the files that could not be removed (left for the orphan sweep to
     *         retry) moved from {@code files} to {@code files_failed}
     */
    public static LedgerEntry withFilesFailed(LedgerEntry entry, long failed) {
        if (failed == 0) {
            return entry;
        }
        CleanupResult deleted = entry.deleted();
        return entry.withDeleted(deleted.with(Count.FILES, deleted.get(Count.FILES) - failed)
                .with(Count.FILES_FAILED, failed));
    }
}
