package io.flowhub.store.item;

import org.bson.conversions.Bson;
import org.bson.types.ObjectId;

import java.util.Date;

/** Restore: {@code is_active:true}, {@code deleted_at} cleared; items already active are left alone. */
public final class RestoreOperation implements ItemOperation {

    @Override
    public String name() {
        return "activate";
    }

    @Override
    public Bson pending() {
        return ItemChanges.inactive();
    }

    @Override
    public Bson change(ObjectId jobId, Date now) {
        return ItemChanges.restore(now, jobId);
    }
}
