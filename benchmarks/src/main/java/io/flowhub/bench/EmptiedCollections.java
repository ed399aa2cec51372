package io.flowhub.bench;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import org.bson.Document;

import java.util.ArrayList;

/** What the benchmark empties between repetitions. */
final class EmptiedCollections {

    private EmptiedCollections() {
    }

    /**
     * Empties the items, their activity, the job ledger and the commands' tombstones. The items collection is dropped and its
     * indexes created again — on the embedded server a delete of 100k items costs as much as their
     * insert, and on MongoDB the indexes are what the jobs read.
     */
    static void empty(MongoDatabase database) {
        var items = database.getCollection("items");
        var indexes = new ArrayList<IndexModel>();
        for (Document index : items.listIndexes()) {
            if (!index.getString("name").equals("_id_")) {
                var options = new IndexOptions().name(index.getString("name")).unique(index.getBoolean("unique", false))
                        .sparse(index.getBoolean("sparse", false));
                if (index.containsKey("partialFilterExpression")) {
                    options.partialFilterExpression(index.get("partialFilterExpression", Document.class));
                }
                if (index.containsKey("expireAfterSeconds")) {
                    options.expireAfter(((Number) index.get("expireAfterSeconds")).longValue(),
                            java.util.concurrent.TimeUnit.SECONDS);
                }
                indexes.add(new IndexModel(index.get("key", Document.class), options));
            }
        }
        items.drop();
        if (!indexes.isEmpty()) {
            items.createIndexes(indexes);
        }
        database.getCollection("activity_logs").deleteMany(new Document());
        // why: without secondary indexes the embedded server reads the whole ledger for a job's entries;
        // a ledger growing repetition after repetition would slow the later ones
        database.getCollection("job_ledger").deleteMany(new Document());
        // why: a reset tombstones every job it deletes (B4 seeds 5,000 a repetition); without an index the
        // embedded server's upserts read all earlier tombstones, and B4's project grew 4 → 10 s over six
        database.getCollection("processed_commands").deleteMany(new Document());
    }
}
