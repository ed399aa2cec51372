package io.flowhub.bulk.restore;

import io.flowhub.bulk.job.ItemOperation;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;

import java.util.Date;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.set;
import static io.flowhub.store.item.ItemFields.*;

/** Restore: {@code is_active:true}, {@code deleted_at} cleared; items already active are left alone. */
public final class RestoreOperation implements ItemOperation {

    @Override
    public String name() {
        return "activate";
    }

    @Override
    public Bson pending() {
        return eq(IS_ACTIVE, false);
    }

    @Override
    public Bson change(ObjectId jobId, Date now) {
        return combine(set(IS_ACTIVE, true), set(DELETED_AT, null), set(UPDATED_AT, now), set(LAST_JOB_ID, jobId));
    }
}
