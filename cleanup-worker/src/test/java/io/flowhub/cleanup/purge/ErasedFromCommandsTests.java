package io.flowhub.cleanup.purge;

import io.flowhub.events.BulkCommand;
import io.flowhub.events.SoftDeleteItems;
import io.flowhub.events.ContractJson;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ErasedFromCommandsTests {

    private static final String ERASED = "65a1b2c3d4e5f6a7b8c9d0e1";
    private static final String KEPT = "65a1b2c3d4e5f6a7b8c9d0e2";
    private static final String ALSO_ERASED = "65a1b2c3d4e5f6a7b8c9d0e3";

    @Test
    void anErasedIdInAListBecomesAnIdNoItemHasAtItsPositionKeepingTheListValidAndItsLength() {
        String sent = "{\"type\":\"SoftDeleteItems\",\"schema_version\":1,"
                + "\"command_id\":\"0b9f3c1e-5d1f-4a43-9b8e-4f1c2d3e4f50\",\"owner_id\":\"665f1f77bcf86cd799439011\","
                + "\"restrict_to_owner\":true,\"item_ids\":[\"" + ERASED + "\",\"" + KEPT + "\",\""
                + ALSO_ERASED.toUpperCase() + "\"]}";

        String scrubbed = ErasedFromCommands.scrub(sent, Set.of(ERASED, ALSO_ERASED));

        assertThat(scrubbed).doesNotContainIgnoringCase(ERASED).doesNotContainIgnoringCase(ALSO_ERASED);
        var command = (SoftDeleteItems) ContractJson.mapper().readValue(scrubbed, BulkCommand.class);
        assertThat(command.itemIds()).containsExactly("000000000000000000000000", KEPT, "000000000000000000000002");
    }

    @Test
    void anErasedIdStandingAloneBecomesZeros() {
        String scrubbed = ErasedFromCommands.scrub("{\"item_id\":\"" + ERASED + "\",\"reason\":\"" + KEPT + "\"}",
                Set.of(ERASED));

        assertThat(scrubbed).isEqualTo("{\"item_id\":\"000000000000000000000000\",\"reason\":\"" + KEPT + "\"}");
    }

    @Test
    void aCommandNamesAnIdOnlyAsAStringOfItsOwnInEitherCase() {
        assertThat(ErasedFromCommands.names("{\"item_ids\":[\"" + KEPT + "\",\"" + ERASED.toUpperCase() + "\"]}",
                Set.of(ERASED))).isTrue();
        assertThat(ErasedFromCommands.names("{\"item_ids\":[\"" + KEPT + "\"],\"tags\":[\"x" + ERASED + "\"]}",
                Set.of(ERASED))).isFalse();
        assertThat(ErasedFromCommands.names("{\"reason\":\"" + ERASED + "\"", Set.of(KEPT))).isFalse();
    }
}
