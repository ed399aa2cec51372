package io.flowhub.engine;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.ClientSession;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.flowhub.store.CollectionNames;
import io.flowhub.store.JobId;
import io.flowhub.store.UserId;
import org.bson.Document;
import org.bson.types.ObjectId;

import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.pull;
import static com.mongodb.client.model.Updates.pullAll;
import static com.mongodb.client.model.Updates.set;
import static com.mongodb.client.model.Sorts.ascending;
import static io.flowhub.store.StoreException.translated;

/**
 * The {@code job_ledger}: one entry per job batch, unique per job and batch number, so recording a
 * batch again finds the first record instead of adding a second. Counts, resume points, undo and
 * receipts are read from it.
 */
public class JobLedger {

    static final String JOB_ID = "job_id";
    static final String BATCH = "batch";
    static final String OPERATION = "operation";
    static final String OWNER_ID = "owner_id";
    static final String TARGET_USER_ID = "target_user_id";
    static final String ITEM_IDS = "item_ids";
    static final String COUNTS = "counts";
    static final String ERRORS = "errors";
    static final String DELETED = "deleted";
    static final String THROUGH = "through";
    static final String AT = "at";
    static final String TAG_CHANGES = "tag_changes";
    static final String ERASED_AT = "erased_at";
    // why: the embedded server checks each document against the whole $in list; slices keep that linear
    private static final int ERASE_CHUNK = 1_000;

    private final MongoCollection<Document> entries;

    public JobLedger(MongoDatabase database) {
        this.entries = database.getCollection(CollectionNames.JOB_LEDGER);
    }

    /**
     * Records a batch, inside the given transaction if any.
     *
     * @return the entry as recorded: this one, or the one recorded first for the same job and batch
     */
    public LedgerEntry record(LedgerEntry entry, Optional<ClientSession> session) {
        return translated("record batch " + entry.batch() + " of job " + entry.jobId(), () -> {
            Document document = toDocument(entry);
            try {
                session.ifPresentOrElse(in -> entries.insertOne(in, document), () -> entries.insertOne(document));
                return entry;
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                Document first = entries.find(and(eq(JOB_ID, entry.jobId().value()), eq(BATCH, entry.batch()))).first();
                if (first == null) {
                    throw e;
                }
                return toEntry(first);
            }
        });
    }

    /** @return the job's entries after batch {@code batch}, in batch order */
    public List<LedgerEntry> after(JobId jobId, int batch) {
        return translated("read the ledger of job " + jobId, () -> entries
                .find(and(eq(JOB_ID, jobId.value()), gt(BATCH, batch))).sort(ascending(BATCH))
                .map(JobLedger::toEntry).into(new ArrayList<>()));
    }

    /** @return at most {@code limit} of the job's entries after batch {@code batch}, in batch order: a page to show */
    public List<LedgerEntry> page(JobId jobId, int batch, int limit) {
        return translated("read the ledger of job " + jobId, () -> entries
                .find(and(eq(JOB_ID, jobId.value()), gt(BATCH, batch))).sort(ascending(BATCH)).limit(limit)
                .map(JobLedger::toEntry).into(new ArrayList<>()));
    }

    /** @return all of the job's entries, in batch order */
    public List<LedgerEntry> of(JobId jobId) {
        return after(jobId, 0);
    }

    /**
     * Takes erased items out of every other job's ledger — their ids, and the tag changes left naming none —
     * and marks the entries it changed with {@code erased_at}: a purge leaves no ledger naming the user's
     * items. Those jobs' receipt digests change with it (they are over the ledger as it is). Safe to repeat.
     *
     * @param except the erasing job, whose own ledger is its proof of what it deleted
     */
    public void eraseItems(JobId except, List<ObjectId> erased, Date now) {
        translated("erase items from other jobs' ledgers", () -> {
            for (int from = 0; from < erased.size(); from += ERASE_CHUNK) {
                List<ObjectId> chunk = erased.subList(from, Math.min(erased.size(), from + ERASE_CHUNK));
                entries.updateMany(and(ne(JOB_ID, except.value()), in(ITEM_IDS, chunk)),
                        combine(pullAll(ITEM_IDS, chunk), set(ERASED_AT, now)));
                entries.updateMany(and(ne(JOB_ID, except.value()), in(TAG_CHANGES + "." + ITEM_IDS, chunk)),
                        combine(pullAll(TAG_CHANGES + ".$[]." + ITEM_IDS, chunk), set(ERASED_AT, now)));
            }
            // why: a tag change that named only erased items would keep the tag value of the user's data
            entries.updateMany(and(ne(JOB_ID, except.value()), exists(ERASED_AT), eq(TAG_CHANGES + "." + ITEM_IDS, List.of())),
                    pull(TAG_CHANGES, new Document(ITEM_IDS, List.of())));
            return null;
        });
    }

    static Document toDocument(LedgerEntry entry) {
        var counts = entry.counts();
        return new Document("_id", new ObjectId())
                .append(JOB_ID, entry.jobId().value())
                .append(BATCH, entry.batch())
                .append(OPERATION, entry.operation())
                .append(OWNER_ID, entry.owner() == null ? null : entry.owner().contractValue())
                .append(TARGET_USER_ID, entry.targetUserId() == null ? null : entry.targetUserId().toString())
                .append(ITEM_IDS, entry.itemIds())
                .append(COUNTS, new Document("processed", counts.processed())
                        .append("already_done", counts.alreadyDone())
                        .append("not_found", counts.notFound())
                        .append("not_owned", counts.notOwned())
                        .append("changed_since", counts.changedSince())
                        .append("held", counts.held())
                        .append("failed", counts.failed()))
                .append(ERRORS, entry.errors().stream()
                        .map(error -> new Document("item_id", error.itemId()).append("reason", error.reason()))
                        .toList())
                .append(DELETED, entry.deleted().toDocument())
                .append(THROUGH, new Document("batch", entry.through().batch())
                        .append("step", entry.through().step())
                        .append("cursor", entry.through().cursor())
                        .append("resume_after", entry.through().resumeAfter()))
                .append(AT, Date.from(entry.at()))
                // why: a list of {tag, item_ids}, not a document keyed by tag: a tag may hold '.' or start with '$'
                .append(TAG_CHANGES, entry.tagChanges().stream()
                        .map(change -> new Document("tag", change.tag()).append(ITEM_IDS, change.itemIds())).toList());
    }

    static LedgerEntry toEntry(Document document) {
        Document counts = document.get(COUNTS, new Document());
        Document through = document.get(THROUGH, new Document());
        var deleted = new LinkedHashMap<String, Number>();
        document.get(DELETED, new Document()).forEach((what, count) -> deleted.put(what, (Number) count));
        return new LedgerEntry(
                new JobId(document.getObjectId(JOB_ID)),
                document.getInteger(BATCH),
                document.getString(OPERATION),
                Owner.fromContract(document.getString(OWNER_ID)),
                document.getString(TARGET_USER_ID) == null ? null : UserId.parse(document.getString(TARGET_USER_ID)),
                document.getList(ITEM_IDS, ObjectId.class, List.of()),
                new JobCounts(number(counts, "processed"), number(counts, "already_done"), number(counts, "not_found"),
                        number(counts, "not_owned"), number(counts, "changed_since"), number(counts, "failed"),
                        number(counts, "held")),
                document.getList(ERRORS, Document.class, List.of()).stream()
                        .map(error -> new JobError(error.getString("item_id"), error.getString("reason"))).toList(),
                CleanupResult.fromMap(deleted),
                new Checkpoint(((Number) through.get("batch", 0)).intValue(), through.getString("step"),
                        number(through, "cursor"), through.getObjectId("resume_after")),
                document.getDate(AT).toInstant(),
                document.getList(TAG_CHANGES, Document.class, List.of()).stream()
                        .map(change -> new TagChange(change.getString("tag"),
                                change.getList(ITEM_IDS, ObjectId.class, List.of()))).toList());
    }

    private static long number(Document document, String field) {
        Object value = document.get(field);
        return value == null ? 0 : ((Number) value).longValue();
    }
}
