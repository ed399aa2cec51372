package io.flowhub.events;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.DatabindException;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SoftDeleteItemsTests {

    private static final String ITEM = "665f1f77bcf86cd799439012";

    @Test
    void roundTripsThroughTheContractJsonWithTypeAndSnakeCaseFields() throws Exception {
        var command = new SoftDeleteItems(1, UUID.randomUUID(), "665f1f77bcf86cd799439099", null, false,
                List.of(ITEM), 25, Instant.parse("2026-11-26T10:00:00Z"));

        String json = ContractJson.mapper().writeValueAsString(command);
        BulkCommand decoded = ContractJson.mapper().readValue(json, BulkCommand.class);

        assertThat(json).contains("\"type\":\"SoftDeleteItems\"", "\"command_id\"", "\"item_ids\"",
                "\"schema_version\":1", "\"issued_at\":\"2026-11-26T10:00:00Z\"");
        assertThat(decoded).isEqualTo(command);
    }

    @Test
    void decodesACommandFromAnOutsideProducerWithoutJobId() {
        String json = """
                {"type":"SoftDeleteItems","schema_version":1,
                 "command_id":"0b9f3c1e-5d1f-4a43-9b8e-4f1c2d3e4f50","item_ids":["%s"],"extra":"ignored"}
                """.formatted(ITEM);

        BulkCommand decoded = ContractJson.mapper().readValue(json, BulkCommand.class);

        assertThat(decoded.jobId()).isNull();
        assertThat(decoded.issuedAt()).isNotNull();
        assertThat(((SoftDeleteItems) decoded).itemIds()).containsExactly(ITEM);
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
        assertThatThrownBy(() -> command(List.of("not-an-id")))
                .isInstanceOf(InvalidCommandException.class).hasMessageContaining("'not-an-id'");
        assertThatThrownBy(() -> command(List.of(ITEM, ITEM.toUpperCase())))
                .isInstanceOf(InvalidCommandException.class).hasMessageContaining("more than once");
        assertThatThrownBy(() -> command(List.of()))
                .isInstanceOf(InvalidCommandException.class).hasMessageContaining("at least one");
        assertThatThrownBy(() -> command(Collections.nCopies(SoftDeleteItems.MAX_ITEMS + 1, ITEM)))
                .isInstanceOf(InvalidCommandException.class).hasMessageContaining("at most 10000");
    }

    @Test
    void restrictingToAnOwnerNeedsTheOwner() {
        assertThatThrownBy(() -> new SoftDeleteItems(1, UUID.randomUUID(), null, null, true, List.of(ITEM), null, null))
                .isInstanceOf(InvalidCommandException.class).hasMessageContaining("restrict_to_owner needs owner_id");
    }

    @Test
    void rejectsABatchSizeOutOfRange() {
        assertThatThrownBy(() -> new SoftDeleteItems(1, UUID.randomUUID(), null, null, false, List.of(ITEM), 0, null))
                .isInstanceOf(InvalidCommandException.class).hasMessageContaining("batch_size 0");
    }

    private static SoftDeleteItems command(List<String> ids) {
        return new SoftDeleteItems(1, UUID.randomUUID(), null, null, false, ids, null, null);
    }
}
