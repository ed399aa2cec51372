package io.flowhub.bench;

import com.mongodb.client.MongoCollection;
import io.flowhub.engine.item.ItemOperation;
import io.flowhub.engine.item.Selection;
import io.flowhub.engine.item.SoftDeleteOperation;
import io.flowhub.store.JobId;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Projections.include;
import static com.mongodb.client.model.Updates.set;

/**
 * A breakdown, not a baseline: the reads and writes a job makes on the items, issued alone against the same server —
 * no request, Kafka, job record, holds read, ledger or progress. What they take is the server's share of the job for
 * the item work its guarantees ask for (a write guarded to change only what the job read; a claim before a hard
 * delete, so that two deleters each count exactly what they deleted); what the job takes beyond them is the project's.
 * The queries are the workers' own — {@code BatchWriter}'s for a bulk job's batch of ids, {@code ItemDeleter}'s and
 * {@code FileRemovals}' for a hard cleanup — and must change when theirs do.
 */
final class ItemWorkAlone {

    /** The cleanup worker's batch ({@code flowhub.cleanup.batch-size}'s default), which the bench stack keeps. */
    private static final int CLEANUP_BATCH = 5_000;
    /** How many paths {@code FileRemovals} checks in one query. */
    private static final int PATHS_CHECKED_AT_ONCE = 500;

    private final BenchEnvironment env;
    private final MongoCollection<Document> items;

    ItemWorkAlone(BenchEnvironment env) {
        this.env = env;
        this.items = env.database.getCollection("items");
    }

    /**
     * A bulk soft delete of as many fresh items of the bench user's, batch by batch — each batch one {@code updateMany}
     * of the owner's active items — timed; the items are emptied afterwards.
     *
     * @return how long the writes took, in milliseconds
     */
    double timedSoftDeletes(int count, int batchSize) throws IOException {
        List<ObjectId> ids = env.seedItems(env.userId, count, 0, "none", 0);
        long start = System.nanoTime();
        softDeletes(ids, batchSize, env.userId);
        double millis = (System.nanoTime() - start) / 1e6;
        env.clearItems();
        return millis;
    }

    /** @return what a row's note says of {@link #timedSoftDeletes}, or nothing when it was not measured */
    static String softDeletesNote(List<Double> millis) {
        if (millis.isEmpty()) {
            return "";
        }
        Estimate median = Bootstrap.median(millis);
        return String.format(Locale.ROOT, "; its batch writes alone — the same updateMany per batch on as many items, "
                + "issued directly, without the holds read, ledger, progress, request or Kafka — took a median %.0f ms "
                + "[%.0f–%.0f]: the server's share of the job, the rest is the project's", median.value(), median.low(),
                median.high());
    }

    private void softDeletes(List<ObjectId> ids, int batchSize, ObjectId owner) {
        JobId job = new JobId(new ObjectId());
        var operation = new SoftDeleteOperation();
        for (int from = 0; from < ids.size(); from += batchSize) {
            var batch = ids.subList(from, Math.min(ids.size(), from + batchSize));
            for (ItemOperation.Write write : operation.writes(job, new Date())) {
                items.updateMany(and(in("_id", batch), write.filter(), eq("created_by", owner)), write.update());
            }
        }
    }

    /**
     * A hard cleanup of what the filter selects, batch by batch: the cursor, the claim within the batch's range, the
     * read of what was claimed with its files, the delete, the check that no item still points at those files, and
     * the files' deletion. Left out: the files' removal records and the search for claims that ended jobs left.
     */
    void hardDeletes(Bson filter) throws IOException {
        ObjectId claimant = new ObjectId();
        try (Selection selection = Selection.byFilter(items, filter, null)) {
            ObjectId after = null;
            List<ObjectId> ids;
            while (!(ids = selection.next(new Selection.Position(0, after), CLEANUP_BATCH)).isEmpty()) {
                after = ids.getLast();
                Bson inRange = and(gte("_id", ids.getFirst()), lte("_id", after));
                items.updateMany(and(filter, inRange, exists("deleting_job", false)), set("deleting_job", claimant));
                Bson claimed = and(inRange, eq("deleting_job", claimant));
                var paths = new ArrayList<String>();
                items.find(claimed).projection(include("_id", "file_path")).forEach(item -> {
                    if (item.getString("file_path") != null) {
                        paths.add(item.getString("file_path"));
                    }
                });
                items.deleteMany(claimed);
                for (int from = 0; from < paths.size(); from += PATHS_CHECKED_AT_ONCE) {
                    var checked = paths.subList(from, Math.min(paths.size(), from + PATHS_CHECKED_AT_ONCE));
                    items.find(in("file_path", checked)).projection(include("file_path")).into(new ArrayList<>());
                }
                for (String path : paths) {
                    Files.deleteIfExists(env.filesRoot.resolve(path));
                }
            }
        }
    }
}
