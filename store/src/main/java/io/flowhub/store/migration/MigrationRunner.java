package io.flowhub.store.migration;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoDatabase;
import io.flowhub.store.CollectionNames;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import static com.mongodb.client.model.Filters.eq;

/**
 * Applies the migrations not yet recorded in {@code schema_migrations}, in order. Several
 * services may start at once and apply the same migration; each is idempotent, and only the
 * first record of it is kept.
 */
public class MigrationRunner {

    private static final Logger log = LoggerFactory.getLogger(MigrationRunner.class);

    private static final List<Migration> MIGRATIONS = List.of(
            new M001_CreateItemAndJobIndexes(),
            new M002_CreateUserOtpAndActivityIndexes(),
            new M003_ExpireIdempotencyKeys(),
            new M004_ExpireOtpOutboxAndIndexFileRemovals(),
            new M005_LedgerTombstonesAndObjectIdKeys(),
            new M006_ExpireDeniedAuditRows(),
            new M007_OwnerTypeBesideOwnerId(),
            new M008_IndexItemRunId(),
            new M009_PlansExpireAndItemsIndexTheirPlans(),
            new M010_JobsHoldTheirIdempotencyKeys(),
            new M011_IndexItemsByTheirLastJob(),
            new M012_ExpireSharedLimits(),
            new M013_JobsRecordWhatTheyAre());

    private final MongoDatabase database;

    public MigrationRunner(MongoDatabase database) {
        this.database = database;
    }

    public void run() {
        var applied = database.getCollection(CollectionNames.SCHEMA_MIGRATIONS);
        for (Migration migration : MIGRATIONS) {
            if (applied.find(eq("_id", migration.id())).first() != null) {
                continue;
            }
            migration.apply(database);
            try {
                applied.insertOne(new Document("_id", migration.id()).append("applied_at", Date.from(Instant.now())));
                log.info("Applied migration {}", migration.id());
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
            }
        }
    }
}
