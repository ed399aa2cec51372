package io.flowhub.engine;

import io.flowhub.store.JobId;

/**
 * Which jobs a list shows, newest first: each part narrows it, {@code null} leaves it open.
 *
 * @param owner  who asked for them
 * @param kind   which worker runs them
 * @param status where they are in their life
 * @param before only jobs older than this one: the next page after a page that ended with it
 */
public record JobSelection(Owner owner, JobKind kind, JobStatus status, JobId before) {

    /** Every job of one owner. */
    public static JobSelection of(Owner owner) {
        return new JobSelection(owner, null, null, null);
    }
}
