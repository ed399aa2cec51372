package io.flowhub.bulk.delete;

import io.flowhub.bulk.job.ItemOperation;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;

import java.util.Date;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.set;
import static io.flowhub.store.item.ItemFields.*;

/** Soft delete: {@code is_active:false} and {@code deleted_at}; items already deleted are left alone. */
public final class SoftDeleteOperation implements ItemOperation {

    @Override
    public String name() {
        return "delete";
    }

    @Override
    public Bson pending() {
        return eq(IS_ACTIVE, true);
    }

    @Override
    public Bson change(ObjectId jobId, Date now) {
        return combine(set(IS_ACTIVE, false), set(DELETED_AT, now), set(UPDATED_AT, now), set(LAST_JOB_ID, jobId));
    }
}
