package io.flowhub.engine.item;

import io.flowhub.events.CleanupByTags;
import io.flowhub.events.SchemaVersion;
import io.flowhub.events.SelectionFilter;
import org.bson.BsonDocument;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ItemSelectionTests {

    @Test
    void aTestDataCleanupWithTagsAndTheFlagSelectsItemsThatMatchBoth() {
        var command = new CleanupByTags(SchemaVersion.CURRENT, UUID.randomUUID(), null, null, false,
                List.of("test-data"), true, null, null, true, null, null);

        BsonDocument filter = ItemSelection.of(command).toBson().toBsonDocument();

        assertThat(filter.toJson()).isEqualTo(
                "{\"$and\": [{\"tags\": \"test-data\"}, {\"test_data\": true}]}");
    }

    @Test
    void aBulkFilterMeansTheSameAsACleanupWithTheSameConditions() {
        ObjectId user = new ObjectId();
        var bulk = ItemSelection.of(new SelectionFilter(List.of("a", "b"), null, true, user.toHexString(), "run-1"));
        var cleanup = ItemSelection.of(new CleanupByTags(SchemaVersion.CURRENT, UUID.randomUUID(), null, null, false,
                List.of("a", "b"), true, user.toHexString(), null, true, null, "run-1"));

        assertThat(bulk.toBson().toBsonDocument()).isEqualTo(cleanup.toBson().toBsonDocument());
    }

    @Test
    void aNameSearchIsTakenLiterally() {
        var selection = new ItemSelection(null, List.of(), null, null, null, "a.*b", null);

        assertThat(selection.toBson().toBsonDocument().toJson()).contains("\\\\Qa.*b\\\\E");
    }

    @Test
    void noConditionMeansEverythingAndSaysSo() {
        var selection = new ItemSelection(null, null, null, null, null, " ", null);

        assertThat(selection.isEverything()).isTrue();
        assertThat(selection.toBson().toBsonDocument()).isEmpty();
    }

    @Test
    void aRunSelectsWhatWasCreatedUnderItAndNothingElseWhoeverCreatedIt() {
        var run = ItemSelection.ofRun("ci-4711:OrderTests");

        assertThat(run.isEverything()).isFalse();
        assertThat(run.toBson().toBsonDocument().toJson()).isEqualTo("{\"run_id\": \"ci-4711:OrderTests\"}");
    }
}
