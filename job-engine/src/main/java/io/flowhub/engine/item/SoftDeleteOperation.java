package io.flowhub.engine.item;

import io.flowhub.events.Operation;
import io.flowhub.store.JobId;
import org.bson.conversions.Bson;

import java.util.Date;

/** Soft delete: {@code is_active:false} and {@code deleted_at}; items already deleted are left alone. */
public final class SoftDeleteOperation implements ItemOperation {

    @Override
    public Operation operation() {
        return Operation.DELETE;
    }

    @Override
    public boolean destroys() {
        return true;
    }

    @Override
    public Bson pending() {
        return ItemChanges.active();
    }

    @Override
    public Bson change(JobId jobId, Date now) {
        return ItemChanges.softDelete(now, jobId);
    }
}
