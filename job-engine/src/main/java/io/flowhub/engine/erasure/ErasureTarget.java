package io.flowhub.engine.erasure;

import com.mongodb.client.MongoDatabase;
import io.flowhub.store.CollectionNames;
import io.flowhub.engine.CleanupResult.Count;
import io.flowhub.engine.CleanupResult;
import io.flowhub.engine.ProcessedCommands;
import org.bson.conversions.Bson;

import java.util.List;

/**
 * Documents a hard delete removes whole, beside the items it deletes a batch at a time: a
 * collection, which of its documents, and what they count as in the job's result.
 */
public record ErasureTarget(String collection, Bson filter, Count countsAs) {

    /** @return how many documents the target holds now */
    public CleanupResult count(MongoDatabase database) {
        return CleanupResult.of(countsAs, database.getCollection(collection).countDocuments(filter));
    }

    /**
     * Deletes the target's documents in one write; jobs behind tombstones, so that a command of one of
     * them read again finds it gone rather than creates it anew. Deleting again finds nothing.
     */
    public void delete(MongoDatabase database, ProcessedCommands processed) {
        if (collection.equals(CollectionNames.JOBS)) {
            processed.deleteJobs(filter);
        } else {
            database.getCollection(collection).deleteMany(filter);
        }
    }

    /** @return what all the targets hold now, summed by what they count as */
    public static CleanupResult countAll(List<ErasureTarget> targets, MongoDatabase database) {
        return targets.stream().map(target -> target.count(database)).reduce(CleanupResult.NONE, CleanupResult::plus);
    }
}
