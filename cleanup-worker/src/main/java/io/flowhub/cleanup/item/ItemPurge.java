package io.flowhub.cleanup.item;

import io.flowhub.cleanup.file.ItemDeleter;
import io.flowhub.cleanup.job.CleanupContext;
import io.flowhub.events.PurgeItem;
import org.bson.types.ObjectId;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

import static com.mongodb.client.model.Filters.eq;

/** Hard-deletes one item, then its file. */
@Component
public class ItemPurge {

    private final ItemDeleter items;

    ItemPurge(ItemDeleter items) {
        this.items = items;
    }

    public Map<String, Long> run(PurgeItem command, CleanupContext context) {
        var selection = eq("_id", new ObjectId(command.itemId()));
        // why: one item is one batch; the job's completion records it, so no progress write before that
        var deleted = context.dryRun() ? items.count(selection) : items.delete(selection, context.jobId(), 1,
                soFar -> { });
        var result = new LinkedHashMap<String, Long>();
        result.put("items", deleted.items());
        result.put("files", deleted.files());
        if (deleted.filesFailed() > 0) {
            result.put("files_failed", deleted.filesFailed());
        }
        return result;
    }
}
