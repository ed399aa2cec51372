package io.flowhub.engine.item;

import io.flowhub.store.item.ItemFields;
import com.mongodb.client.MongoCollection;
import io.flowhub.store.JobId;
import io.flowhub.engine.UnrecordedChanges;
import org.bson.Document;
import org.bson.types.ObjectId;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Projections.include;
import static io.flowhub.store.StoreException.translated;
import static io.flowhub.store.item.ItemFields.ID;
import static io.flowhub.store.item.ItemFields.LAST_JOB_ID;
import static io.flowhub.store.item.ItemFields.TAG_CHANGES;

/**
 * The items a job's writes marked ({@code last_job_id}: the job changed them, and nothing has changed them since) that
 * its ledger does not name; a tag job's marks ({@link TagMarks}) say which tags it changed on each.
 */
public final class MarkedItems implements UnrecordedChanges {

    private final MongoCollection<Document> items;

    public MarkedItems(MongoCollection<Document> items) {
        this.items = items;
    }

    @Override
    public List<Change> of(JobId job, Set<ObjectId> recorded) {
        return translated("read the items job " + job + " changed", () -> {
            var changes = new ArrayList<Change>();
            items.find(eq(LAST_JOB_ID, job.value())).projection(include(ID, TAG_CHANGES)).forEach(item -> {
                if (!recorded.contains(item.getObjectId(ID))) {
                    changes.add(new Change(item.getObjectId(ID), TagMarks.changedBy(job, item)));
                }
            });
            return changes;
        });
    }
}
