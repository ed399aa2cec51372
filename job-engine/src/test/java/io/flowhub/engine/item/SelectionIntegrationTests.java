package io.flowhub.engine.item;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import io.flowhub.testing.FlowHubStackExtension;
import io.flowhub.testing.TestStack;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static org.assertj.core.api.Assertions.assertThat;

/** A filter's total on MongoDB: counted whole for a job's first turn, from where it stands for a later one. */
@ExtendWith(FlowHubStackExtension.class)
class SelectionIntegrationTests {

    private final MongoClient client;
    private final MongoCollection<Document> items;

    SelectionIntegrationTests(TestStack stack) {
        this.client = MongoClients.create(stack.mongoUri());
        this.items = client.getDatabase("flowhub_selection_" + UUID.randomUUID().toString().substring(0, 8))
                .getCollection("items");
    }

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void aFiltersTotalIsWhatItWorkedThroughAndWhatStillMatchesAfterIt() {
        String tag = "t-" + UUID.randomUUID();
        List<ObjectId> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ObjectId id = new ObjectId();
            ids.add(id);
            items.insertOne(new Document("_id", id).append("is_active", true).append("tags", List.of(tag)));
        }
        items.insertOne(new Document("_id", new ObjectId()).append("is_active", true).append("tags", List.of("other")));
        var filter = and(eq("is_active", true), eq("tags", tag));

        try (var selection = Selection.byFilter(items, filter, null)) {
            long firstTurn = selection.total(new Selection.Position(0, null));
            // why: the first three were worked through (and no longer match); one after them was deactivated since
            items.updateMany(in("_id", ids.subList(0, 3)),
                    new Document("$set", new Document("is_active", false)));
            items.updateOne(eq("_id", ids.get(4)), new Document("$set", new Document("is_active", false)));
            long laterTurn = selection.total(new Selection.Position(3, ids.get(2)));

            assertThat(selection.totalTakesARead()).isTrue();
            assertThat(firstTurn).isEqualTo(6);
            assertThat(laterTurn).isEqualTo(3 + 2);
        }
    }
}
