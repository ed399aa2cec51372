package io.flowhub.engine.plan;

import io.flowhub.store.JobId;
import org.bson.types.ObjectId;

import java.time.Instant;
import java.util.List;

/**
 * What a destructive call's dry run froze: the command it would run and the items it would touch,
 * marked with the plan's id, so that applying it does exactly that.
 *
 * @param id          the plan's id
 * @param operation   what the command does
 * @param commandJson the command as the apply runs it (not a dry run)
 * @param items       the items the plan marked
 * @param files       how many of them have a file
 * @param sample      the first marked item ids, at most {@link Plans#SAMPLE}
 * @param createdBy   who asked for the dry run
 * @param createdAt   when
 * @param expiresAt   until when it can be applied
 * @param appliedJob  the job of its first apply, or {@code null}
 */
public record Plan(ObjectId id, String operation, String commandJson, long items, long files, List<String> sample,
                   String createdBy, Instant createdAt, Instant expiresAt, JobId appliedJob) {

    public Plan {
        sample = List.copyOf(sample);
    }

    public boolean isExpired(Instant now) {
        return now.isAfter(expiresAt);
    }
}
