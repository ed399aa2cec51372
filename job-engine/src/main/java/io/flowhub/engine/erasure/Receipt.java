package io.flowhub.engine.erasure;

import io.flowhub.store.JobId;
import io.flowhub.engine.CleanupResult;

import java.time.Instant;
import java.util.List;

/**
 * What a finished hard delete removed and what a look taken now still finds of what it targeted: a
 * proof a test suite or an auditor can keep.
 *
 * @param jobId      the job
 * @param operation  what it did ({@code purge_user_data}, {@code cleanup_run}, ...)
 * @param status     how it ended: completed, or cancelled or failed part way
 * @param deleted    what the job reported deleted
 * @param remaining  what is there now of what it targeted: items (created again since, or never
 *                   deleted), the other records it removes, and files it removed that are on disk
 * @param verified   true when nothing remains
 * @param verifiedAt when the look was taken
 * @param batches    how many ledger entries the digest covers
 * @param digest     {@code sha256:} and the hex SHA-256 over the job id and the item ids its ledger lists, in
 *                   batch order, each as 24 hexadecimal characters and a newline
 * @param stores     every store the look went through, with what it found there of what the job targeted
 */
public record Receipt(JobId jobId, String operation, String status, CleanupResult deleted, CleanupResult remaining,
                      boolean verified, Instant verifiedAt, int batches, String digest, List<Store> stores) {

    /**
     * One place the look went through.
     *
     * @param name      a collection, the files root, a topic
     * @param remaining how many documents, files or records there still hold what the job targeted
     * @param until     when what remains goes by itself (a topic's retention), or {@code null} when it stays
     */
    public record Store(String name, long remaining, Instant until) {
    }
}
