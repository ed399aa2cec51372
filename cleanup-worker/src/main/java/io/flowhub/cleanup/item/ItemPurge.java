package io.flowhub.cleanup.item;

import io.flowhub.cleanup.file.ItemDeleter;
import io.flowhub.cleanup.job.CountsOnly;
import io.flowhub.cleanup.job.Steps;
import io.flowhub.events.PurgeItem;
import io.flowhub.engine.JobWork;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.springframework.stereotype.Component;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

/** Hard-deletes one item, then its file. */
@Component
public class ItemPurge {

    private final ItemDeleter items;

    ItemPurge(ItemDeleter items) {
        this.items = items;
    }

    public JobWork work(PurgeItem command) {
        return work(command, new Document());
    }

    /** @param restriction what else an item must match: a plan's mark when a plan is applied */
    public JobWork work(PurgeItem command, Bson restriction) {
        var selection = and(eq("_id", new ObjectId(command.itemId())), restriction);
        return command.dryRun() ? Steps.of(new CountsOnly("dry_run", () -> items.count(selection)))
                : Steps.of(items.step(selection, 1));
    }
}
