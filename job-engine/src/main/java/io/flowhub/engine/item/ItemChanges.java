package io.flowhub.engine.item;

import io.flowhub.store.item.ItemFields;
import io.flowhub.store.JobId;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.set;
import static com.mongodb.client.model.Updates.unset;
import static io.flowhub.store.item.ItemFields.*;

/** The item updates that mean the same wherever they are made: soft delete and restore. */
public final class ItemChanges {

    private ItemChanges() {
    }

    /** @return the items a soft delete would still change */
    public static Bson active() {
        return eq(IS_ACTIVE, true);
    }

    /** @return the items a restore would still change */
    public static Bson inactive() {
        return eq(IS_ACTIVE, false);
    }

    /** @param jobId the job that makes the change, recorded on the item, or {@code null} for a single API call */
    public static Bson softDelete(Date now, JobId jobId) {
        return withJob(jobId, set(IS_ACTIVE, false), set(DELETED_AT, now), set(UPDATED_AT, now));
    }

    /** @param jobId the job that makes the change, recorded on the item, or {@code null} for a single API call */
    public static Bson restore(Date now, JobId jobId) {
        return withJob(jobId, set(IS_ACTIVE, true), set(DELETED_AT, null), set(UPDATED_AT, now));
    }

    private static Bson withJob(JobId jobId, Bson... changes) {
        var all = new ArrayList<>(List.of(changes));
        all.add(jobId == null ? byTheApi() : set(LAST_JOB_ID, jobId.value()));
        return combine(all);
    }

    /**
     * @return the part of every change the item API makes that takes away the last job's mark, so that
     *         an undo of that job sees the item was changed since
     */
    public static Bson byTheApi() {
        return unset(LAST_JOB_ID);
    }
}
