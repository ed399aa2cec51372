package io.flowhub.engine.item;

import io.flowhub.events.Operation;
import io.flowhub.store.JobId;
import org.bson.conversions.Bson;

import java.util.Date;

/** Restore: {@code is_active:true}, {@code deleted_at} cleared; items already active are left alone. */
public final class RestoreOperation implements ItemOperation {

    @Override
    public Operation operation() {
        return Operation.ACTIVATE;
    }

    @Override
    public Bson pending() {
        return ItemChanges.inactive();
    }

    @Override
    public Bson change(JobId jobId, Date now) {
        return ItemChanges.restore(now, jobId);
    }
}
