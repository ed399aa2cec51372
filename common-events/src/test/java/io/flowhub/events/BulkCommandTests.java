package io.flowhub.events;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.DatabindException;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BulkCommandTests {

    private static final String ITEM = "665f1f77bcf86cd799439012";
    private static final String OWNER = "665f1f77bcf86cd799439011";

    @Test
    void roundTripsThroughTheContractJsonWithTypeAndSnakeCaseFields() {
        var command = new SoftDeleteItems(1, UUID.randomUUID(), "665f1f77bcf86cd799439099", OWNER, true,
                List.of(ITEM), null, 25, Instant.parse("2026-11-26T10:00:00Z"));

        String json = ContractJson.mapper().writeValueAsString(command);
        BulkCommand decoded = ContractJson.mapper().readValue(json, BulkCommand.class);

        assertThat(json).contains("\"type\":\"SoftDeleteItems\"", "\"command_id\"", "\"item_ids\"",
                "\"restrict_to_owner\":true", "\"schema_version\":1", "\"issued_at\":\"2026-11-26T10:00:00Z\"");
        assertThat(decoded).isEqualTo(command);
        assertThat(decoded.operation()).isEqualTo(Operation.DELETE);
    }

    @Test
    void decodesEveryCommandTypeWithAFilterFromAnOutsideProducer() {
        for (String type : List.of("SoftDeleteItems", "RestoreItems", "AddTags", "RemoveTags")) {
            String json = """
                    {"type":"%s","schema_version":1,"command_id":"0b9f3c1e-5d1f-4a43-9b8e-4f1c2d3e4f50",
                     "filter":{"tags":["test-data"],"status":"ACTIVE"},"tags":["t"],"extra":"ignored"}
                    """.formatted(type);

            BulkCommand decoded = ContractJson.mapper().readValue(json, BulkCommand.class);

            assertThat(decoded.getClass().getSimpleName()).isEqualTo(type);
            assertThat(decoded.jobId()).isNull();
            assertThat(decoded.issuedAt()).isNotNull();
            assertThat(decoded.filter().status()).isEqualTo("active");
        }
    }

    @Test
    void rejectsAMissingSchemaVersionNamingTheField() {
        String json = """
                {"type":"SoftDeleteItems","command_id":"0b9f3c1e-5d1f-4a43-9b8e-4f1c2d3e4f50","item_ids":["%s"]}
                """.formatted(ITEM);

        assertThatThrownBy(() -> ContractJson.mapper().readValue(json, BulkCommand.class))
                .isInstanceOf(DatabindException.class)
                .rootCause().isInstanceOf(InvalidCommandException.class)
                .hasMessageContaining("schema_version is required");
    }

    @Test
    void rejectsMalformedDuplicateOrTooManyItemIds() {
        assertThatThrownBy(() -> byIds(List.of("not-an-id")))
                .isInstanceOf(InvalidCommandException.class).hasMessageContaining("'not-an-id'");
        assertThatThrownBy(() -> byIds(List.of(ITEM, ITEM.toUpperCase())))
                .isInstanceOf(InvalidCommandException.class).hasMessageContaining("more than once");
        assertThatThrownBy(() -> byIds(List.of()))
                .isInstanceOf(InvalidCommandException.class).hasMessageContaining("at least one");
        assertThatThrownBy(() -> byIds(Collections.nCopies(BulkCommand.MAX_ITEMS + 1, ITEM)))
                .isInstanceOf(InvalidCommandException.class).hasMessageContaining("at most 10000");
    }

    @Test
    void selectsWithExactlyOneOfIdsOrFilter() {
        var filter = new SelectionFilter(List.of("test-data"), null, null, null, null);

        assertThatThrownBy(() -> new RestoreItems(1, UUID.randomUUID(), null, null, false, null, null, null, null))
                .isInstanceOf(InvalidCommandException.class).hasMessage("select items with exactly one of item_ids or filter");
        assertThatThrownBy(() -> new RestoreItems(1, UUID.randomUUID(), null, null, false, List.of(ITEM), filter, null, null))
                .isInstanceOf(InvalidCommandException.class);
    }

    @Test
    void aFilterNeverSelectsEverything() {
        assertThatThrownBy(() -> new SelectionFilter(List.of(), "active", null, null, null))
                .isInstanceOf(InvalidCommandException.class).hasMessageContaining("never selects everything");
        assertThatThrownBy(() -> new SelectionFilter(List.of("x"), "gone", null, null, null))
                .isInstanceOf(InvalidCommandException.class).hasMessageContaining("'gone'");
    }

    @Test
    void tagCommandsNeedSensibleTags() {
        assertThatThrownBy(() -> new AddTags(1, UUID.randomUUID(), null, null, false, List.of(ITEM), null, List.of(), null, null))
                .isInstanceOf(InvalidCommandException.class).hasMessageContaining("at least one tag");
        assertThatThrownBy(() -> new RemoveTags(1, UUID.randomUUID(), null, null, false, List.of(ITEM), null,
                List.of("x".repeat(51)), null, null))
                .isInstanceOf(InvalidCommandException.class).hasMessageContaining("at most 50 are allowed");
    }

    @Test
    void restrictingToAnOwnerNeedsTheOwnerAndBatchSizesStayInRange() {
        assertThatThrownBy(() -> new SoftDeleteItems(1, UUID.randomUUID(), null, null, true, List.of(ITEM), null, null, null))
                .isInstanceOf(InvalidCommandException.class).hasMessageContaining("restrict_to_owner needs owner_id");
        assertThatThrownBy(() -> new SoftDeleteItems(1, UUID.randomUUID(), null, null, false, List.of(ITEM), null, 0, null))
                .isInstanceOf(InvalidCommandException.class).hasMessageContaining("batch_size 0");
        assertThatThrownBy(() -> new SoftDeleteItems(1, UUID.randomUUID(), null, null, false, List.of(ITEM), null,
                10_001, null))
                .isInstanceOf(InvalidCommandException.class).hasMessageContaining("batch_size 10001 is out of range");
        assertThat(new SoftDeleteItems(1, UUID.randomUUID(), null, null, false, List.of(ITEM), null, 10_000, null)
                .batchSize()).isEqualTo(10_000);
    }

    private static SoftDeleteItems byIds(List<String> ids) {
        return new SoftDeleteItems(1, UUID.randomUUID(), null, null, false, ids, null, null, null);
    }
}
