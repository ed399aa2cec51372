package io.flowhub.engine.erasure;

import io.flowhub.store.Sha256;
import com.mongodb.client.MongoDatabase;
import io.flowhub.events.CleanupCommand;
import io.flowhub.events.ContractJson;
import io.flowhub.store.CollectionNames;
import io.flowhub.store.file.FileStore;
import io.flowhub.store.file.PathOutsideRootException;
import io.flowhub.engine.CleanupResult.Count;
import io.flowhub.engine.CleanupResult;
import io.flowhub.engine.Job;
import io.flowhub.engine.JobKind;
import io.flowhub.engine.JobLedger;
import io.flowhub.engine.LedgerEntry;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.nor;
import static com.mongodb.client.model.Projections.include;

/**
 * Erasure receipts: for a finished hard delete, every collection it removes from and the files root
 * are asked again, now, for what it targeted ({@link ErasureTargets}), and its ledger is digested.
 * An item created again since under the same user, run or tags counts as remaining, so the receipt
 * then says {@code verified: false}.
 */
public class ErasureReceipts {

    // why: the embedded server checks every document of an _id $in list against the whole list, so ids are
    // looked up in slices; a receipt is asked for rarely, one job at a time
    private static final int IDS_PER_QUERY = 1_000;

    private final MongoDatabase database;
    private final JobLedger ledger;
    private final FileStore files;
    private final Clock clock;

    public ErasureReceipts(MongoDatabase database, JobLedger ledger, FileStore files, Clock clock) {
        this.database = database;
        this.ledger = ledger;
        this.files = files;
        this.clock = clock;
    }

    /** @throws NoReceiptException when the job is not a finished hard delete, saying why */
    public Receipt of(Job job) {
        CleanupCommand command = hardDelete(job);
        List<LedgerEntry> entries = ledger.of(job.id());
        CleanupResult items = remainingItems(command, entries);
        var stores = new ArrayList<Receipt.Store>();
        stores.add(new Receipt.Store(CollectionNames.ITEMS, items.get(Count.ITEMS), null));
        var byCollection = new LinkedHashMap<String, Long>();
        CleanupResult records = CleanupResult.NONE;
        for (ErasureTarget target : targets(command, job)) {
            CleanupResult found = target.count(database);
            records = records.plus(found);
            byCollection.merge(target.collection(), found.documents(), Long::sum);
        }
        byCollection.forEach((collection, left) -> stores.add(new Receipt.Store(collection, left, null)));
        long files = filesOnDisk(job);
        stores.add(new Receipt.Store("files root", files, null));
        CleanupResult remaining = items.plus(records).plus(CleanupResult.of(Count.FILES, files));
        return new Receipt(job.id(), job.operation(), job.status().wireValue(), job.result(), remaining,
                remaining.counts().values().stream().allMatch(count -> count == 0), clock.instant(), entries.size(),
                digest(job, entries), stores);
    }

    private static CleanupCommand hardDelete(Job job) {
        if (job.kind() != JobKind.CLEANUP || job.dryRun()) {
            throw new NoReceiptException("Job " + job.id() + " is " + (job.dryRun() ? "a dry run" : "a bulk job")
                    + ": it deleted nothing, so there is no erasure to prove");
        }
        if (!job.status().isFinished()) {
            throw new NoReceiptException("Job " + job.id() + " is " + job.status().wireValue()
                    + "; ask for its receipt once it has finished");
        }
        if (!job.deletesForGood()) {
            throw new NoReceiptException("Job " + job.id() + " (" + job.operation() + ") did not delete for good: "
                    + "a soft delete or a file sweep has no erasure receipt");
        }
        return command(job).orElseThrow(() -> new NoReceiptException(
                "Job " + job.id() + " does not keep the command it ran, so what it targeted cannot be looked up"));
    }

    private static Optional<CleanupCommand> command(Job job) {
        if (job.commandJson() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(ContractJson.mapper().readValue(job.commandJson(), CleanupCommand.class));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** @return the items the selection finds now, and those the ledger lists that still exist outside it */
    private CleanupResult remainingItems(CleanupCommand command, List<LedgerEntry> entries) {
        var items = database.getCollection(CollectionNames.ITEMS);
        Optional<Bson> selection = ErasureTargets.items(command);
        long found = selection.map(items::countDocuments).orElse(0L);
        List<ObjectId> listed = entries.stream().flatMap(entry -> entry.itemIds().stream()).toList();
        for (int from = 0; from < listed.size(); from += IDS_PER_QUERY) {
            Bson slice = in("_id", listed.subList(from, Math.min(listed.size(), from + IDS_PER_QUERY)));
            found += items.countDocuments(selection.map(chosen -> and(slice, nor(chosen))).orElse(slice));
        }
        return CleanupResult.of(Count.ITEMS, found);
    }

    private List<ErasureTarget> targets(CleanupCommand command, Job job) {
        String email = command.targetUserId() == null ? null : emailOf(command.targetUserId());
        return ErasureTargets.records(command, job.id(), email);
    }

    private String emailOf(String userId) {
        Document user = database.getCollection(CollectionNames.USERS).find(eq("_id", new ObjectId(userId)))
                .projection(include("email")).first();
        return user == null ? null : user.getString("email");
    }

    /** @return how many of the files the job recorded for removal are on disk now */
    private long filesOnDisk(Job job) {
        var paths = new ArrayList<String>();
        database.getCollection(CollectionNames.FILE_REMOVALS).find(eq("job_id", job.id().value()))
                .projection(include("path")).forEach(removal -> paths.add(removal.getString("path")));
        return paths.stream().filter(this::onDisk).count();
    }

    private boolean onDisk(String path) {
        try {
            return path != null && Files.exists(files.resolve(path), LinkOption.NOFOLLOW_LINKS);
        } catch (PathOutsideRootException e) {
            // why: a path leading outside the files root was never the job's to remove, so nothing of it remains
            return false;
        }
    }

    private static String digest(Job job, List<LedgerEntry> entries) {
        MessageDigest sha = Sha256.digest();
        sha.update((job.id() + "\n").getBytes(StandardCharsets.US_ASCII));
        for (LedgerEntry entry : entries) {
            for (ObjectId id : entry.itemIds()) {
                sha.update((id.toHexString() + "\n").getBytes(StandardCharsets.US_ASCII));
            }
        }
        return "sha256:" + HexFormat.of().formatHex(sha.digest());
    }
}
