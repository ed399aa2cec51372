package io.flowhub.cleanup.file;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.flowhub.stack.testing.FlowHubStackExtension;
import io.flowhub.stack.testing.TestStack;
import io.flowhub.store.file.FileStore;
import io.flowhub.store.tx.Transactions;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Date;
import java.util.Deque;
import java.util.List;
import java.util.UUID;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hard delete behind tag cleanup and the per-user purge, on a real wire-protocol server: it
 * reads its selection through one cursor a batch at a time, and an item changed while a pass runs
 * is never deleted without its file — a later pass takes it, or it is left whole.
 */
@ExtendWith(FlowHubStackExtension.class)
class ItemDeleterIntegrationTests {

    private static final Instant START = Instant.parse("2026-01-01T12:00:00Z");

    private final TestStack stack;
    private final String tag = "deleter-" + UUID.randomUUID();
    private final Bson tagged = in("tags", List.of(tag));
    private final PassClock clock = new PassClock();
    private MongoClient client;
    private MongoDatabase database;
    private ItemDeleter deleter;

    ItemDeleterIntegrationTests(TestStack stack) {
        this.stack = stack;
    }

    @BeforeEach
    void connect() {
        client = MongoClients.create(stack.mongoUri());
        database = client.getDatabase(new ConnectionString(stack.mongoUri()).getDatabase());
        // why: the stack's own cleanup worker may retry a recorded removal; sharing its root, it removes the same file
        var removals = new FileRemovals(database, new FileStore(stack.filesRoot()), Clock.systemUTC());
        deleter = new ItemDeleter(database, removals, new Transactions(client), clock);
    }

    @AfterEach
    void disconnect() {
        client.close();
    }

    @Test
    void deletesEverySelectedItemAcrossBatchesWithItsFileReportingEachBatchAndLeavesTheRest() throws IOException {
        clock.passesBeginAt(START);
        List<String> files = List.of(file(), file(), file(), file(), file());
        for (int i = 0; i < 7; i++) {
            insertItem(List.of(tag), i < files.size() ? files.get(i) : null, START.minusSeconds(60));
        }
        String othersFile = file();
        ObjectId other = insertItem(List.of("other-" + tag), othersFile, START.minusSeconds(60));

        var reported = new ArrayList<Long>();
        var deleted = deleter.delete(tagged, new ObjectId(), 3, reported::add);

        assertThat(deleted).isEqualTo(new ItemDeleter.Deleted(7, 5, 0));
        assertThat(reported).containsExactly(3L, 6L, 7L);
        assertThat(database.getCollection("items").countDocuments(tagged)).isZero();
        files.forEach(path -> assertThat(stack.filesRoot().resolve(path)).doesNotExist());
        assertThat(database.getCollection("items").countDocuments(eq("_id", other))).isOne();
        assertThat(stack.filesRoot().resolve(othersFile)).exists();
    }

    @Test
    void anItemChangedAfterAPassBeganIsDeletedWithItsFileByTheNextPass() throws IOException {
        clock.passesBeginAt(START, START.plus(Duration.ofMinutes(2)));
        String before = file();
        String during = file();
        insertItem(List.of(tag), before, START.minusSeconds(60));
        insertItem(List.of(tag), during, START.plus(Duration.ofMinutes(1)));

        var deleted = deleter.delete(tagged, new ObjectId(), 10, soFar -> {
        });

        assertThat(deleted.items()).isEqualTo(2);
        assertThat(database.getCollection("items").countDocuments(tagged)).isZero();
        assertThat(stack.filesRoot().resolve(before)).doesNotExist();
        assertThat(stack.filesRoot().resolve(during)).doesNotExist();
    }

    @Test
    void anItemChangedDuringEveryPassIsLeftWholeWithItsFile() throws IOException {
        clock.passesBeginAt(START, START.plusSeconds(10), START.plusSeconds(20), START.plusSeconds(30));
        String kept = file();
        ObjectId busy = insertItem(List.of(tag), kept, START.plus(Duration.ofHours(1)));
        String gone = file();
        insertItem(List.of(tag), gone, START.minusSeconds(60));

        var deleted = deleter.delete(tagged, new ObjectId(), 10, soFar -> {
        });

        assertThat(deleted.items()).isEqualTo(1);
        assertThat(clock.timesAsked()).isEqualTo(ItemDeleter.MAX_PASSES);
        Document left = database.getCollection("items").find(eq("_id", busy)).first();
        assertThat(left).isNotNull();
        assertThat(left.getString("file_path")).isEqualTo(kept);
        assertThat(stack.filesRoot().resolve(kept)).exists();
        assertThat(stack.filesRoot().resolve(gone)).doesNotExist();
    }

    private ObjectId insertItem(List<String> tags, String filePath, Instant updatedAt) {
        var id = new ObjectId();
        var item = new Document("_id", id).append("name", "item " + id).append("tags", tags).append("is_active", true)
                .append("created_at", Date.from(updatedAt)).append("updated_at", Date.from(updatedAt));
        if (filePath != null) {
            item.append("file_path", filePath);
        }
        database.getCollection("items").insertOne(item);
        return id;
    }

    private String file() throws IOException {
        String relative = "items/" + UUID.randomUUID() + ".txt";
        Path path = stack.filesRoot().resolve(relative);
        Files.createDirectories(path.getParent());
        Files.writeString(path, "content");
        return relative;
    }

    /** The time each pass begins at, in turn; the deleter asks once per pass. */
    private static final class PassClock extends Clock {

        private final Deque<Instant> times = new ArrayDeque<>();
        private int asked;

        void passesBeginAt(Instant... instants) {
            times.addAll(List.of(instants));
        }

        int timesAsked() {
            return asked;
        }

        @Override
        public Instant instant() {
            asked++;
            return times.size() > 1 ? times.poll() : times.peek();
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }
}
