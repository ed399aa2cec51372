package io.flowhub.engine.item;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import io.flowhub.store.JobId;
import io.flowhub.testing.FlowHubStackExtension;
import io.flowhub.testing.TestStack;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.set;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A batch's account on MongoDB alone, with the race the race suite found: an item edited through the API between a
 * batch's write and its account, in a job by listed ids whose batches' id ranges overlap.
 */
@ExtendWith(FlowHubStackExtension.class)
class BatchWriterIntegrationTests {

    private final MongoClient client;
    private final MongoCollection<Document> items;
    private final Holds holds;

    BatchWriterIntegrationTests(TestStack stack) {
        this.client = MongoClients.create(stack.mongoUri());
        var database = client.getDatabase("flowhub_batches_" + UUID.randomUUID().toString().substring(0, 8));
        this.items = database.getCollection("items");
        this.holds = new Holds(database, Clock.systemUTC());
    }

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void anItemEditedBetweenABatchsWriteAndItsAccountNeverCountsTheJobsEarlierBatchesAgain() {
        List<ObjectId> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ObjectId id = new ObjectId();
            ids.add(id);
            // why: the last one was deleted before the job, so the second batch's write changes one item of two
            items.insertOne(new Document("_id", id).append("is_active", i < 3).append("tags", List.of("keep"))
                    .append("updated_at", new Date()));
        }
        var job = new JobId(new ObjectId());
        var selection = Selection.byIds(ids);
        // why: the job lists its ids in an order whose batches' ranges overlap: the inner two first, the outer two next
        var first = new BatchWriter(items, Clock.systemUTC()).write(List.of(ids.get(1), ids.get(2)), selection,
                new SoftDeleteOperation(), job, null, holds.covering());
        var second = new BatchWriter(editedAfterEachWrite(ids.getFirst()), Clock.systemUTC())
                .write(List.of(ids.getFirst(), ids.get(3)), selection, new SoftDeleteOperation(), job, null,
                        holds.covering());

        assertThat(first.changed()).containsExactlyInAnyOrder(ids.get(1), ids.get(2));
        assertThat(second.changed()).doesNotContainAnyElementsOf(first.changed());
        assertThat(second.counts().processed() + second.counts().skipped()).isEqualTo(2);
    }

    @Test
    void aFiltersBatchCountsWhatItsRangeWriteChangedAndTheBatchsOtherItemsByWhatTheyAre() {
        String tag = "t-" + UUID.randomUUID();
        Date second = new Date();
        List<ObjectId> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            // why: ids of one second, ordered by their counter, leave room for one to land between two of them
            ObjectId id = new ObjectId(second, 10 * (i + 1));
            ids.add(id);
            items.insertOne(new Document("_id", id).append("is_active", true).append("tags", List.of(tag))
                    .append("updated_at", new Date()));
        }
        var job = new JobId(new ObjectId());
        var selection = Selection.byFilter(items, eq("tags", tag), job);
        List<ObjectId> handedOut = selection.next(new Selection.Position(0, null), 4);
        // why: after the cursor handed the batch out, another writer deletes one of its items, another soft-deletes
        // one, and an item no cursor handed out lands inside the batch's range: the write changes it, so it counts
        items.deleteOne(eq("_id", handedOut.get(0)));
        items.updateOne(eq("_id", handedOut.get(1)), set("is_active", false));
        ObjectId lateComer = new ObjectId(second, 35);
        items.insertOne(new Document("_id", lateComer).append("is_active", true).append("tags", List.of(tag))
                .append("updated_at", new Date()));

        var outcome = new BatchWriter(items, Clock.systemUTC()).write(handedOut, selection,
                new SoftDeleteOperation(), job, null, holds.covering());
        selection.close();

        var expectedChanged = List.of(handedOut.get(2), lateComer, handedOut.get(3));
        assertThat(handedOut).isEqualTo(ids.subList(0, 4));
        assertThat(outcome.changed()).containsExactlyInAnyOrderElementsOf(expectedChanged);
        assertThat(outcome.counts().processed()).isEqualTo(expectedChanged.size());
        assertThat(outcome.counts().notFound()).isEqualTo(1);
        assertThat(outcome.counts().alreadyDone()).isEqualTo(1);
        assertThat(items.countDocuments(eq("_id", ids.get(4)))).isEqualTo(1);
        assertThat(items.find(eq("_id", ids.get(4))).first().getBoolean("is_active")).isTrue();
    }

    /** @return the items, where an API edit of {@code edited} lands right after every write */
    @SuppressWarnings("unchecked")
    private MongoCollection<Document> editedAfterEachWrite(ObjectId edited) {
        return (MongoCollection<Document>) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {MongoCollection.class}, (proxy, method, arguments) -> {
                    try {
                        Object result = method.invoke(items, arguments);
                        if (method.getName().equals("updateMany")) {
                            items.updateOne(eq("_id", edited), combine(set("name", "edited"),
                                    set("updated_at", new Date(System.currentTimeMillis() + 1000)),
                                    ItemChanges.byTheApi()));
                        }
                        return result;
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
