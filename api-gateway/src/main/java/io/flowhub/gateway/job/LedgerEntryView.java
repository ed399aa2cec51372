package io.flowhub.gateway.job;

import io.flowhub.gateway.system.BadRequestException;
import io.flowhub.gateway.system.PageLimit;
import io.flowhub.engine.Job;
import io.flowhub.engine.JobError;
import io.flowhub.engine.JobLedger;
import io.flowhub.engine.LedgerEntry;
import org.bson.types.ObjectId;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One batch of a job's ledger as the API shows it: which items it changed or deleted, its counts, what a cleanup
 * deleted, and for a tag job which tags it really added or removed on which items.
 */
public record LedgerEntryView(
        int batch,
        Instant at,
        List<String> itemIds,
        long processed,
        long skipped,
        long failed,
        Map<String, Long> skipReasons,
        List<JobError> errors,
        Map<String, Long> deleted,
        Map<String, List<String>> tagChanges) {

    /** How many entries a page shows unless asked, and at most. */
    public static final PageLimit LIMIT = new PageLimit(50, 200);

    public static LedgerEntryView of(LedgerEntry entry) {
        var counts = entry.counts();
        return new LedgerEntryView(entry.batch(), entry.at(), hex(entry.itemIds()), counts.processed(),
                counts.skipped(), counts.failed(), counts.skipReasons(), entry.errors(), entry.deleted().toMap(),
                entry.tagChanges().stream().collect(Collectors.toMap(change -> change.tag(),
                        change -> hex(change.itemIds()), (first, second) -> first)));
    }

    /**
     * @param after the last batch already shown (0 for the first page)
     * @return the next page of the job's ledger, in batch order
     */
    public static List<LedgerEntryView> page(JobLedger ledger, Job job, Integer after, Integer limit) {
        int from = after == null ? 0 : after;
        if (from < 0) {
            throw new BadRequestException("after must be a batch number, 0 or more, not " + from);
        }
        return ledger.page(job.id(), from, LIMIT.of(limit)).stream().map(LedgerEntryView::of).toList();
    }

    private static List<String> hex(List<ObjectId> ids) {
        return ids.stream().map(ObjectId::toHexString).toList();
    }
}
