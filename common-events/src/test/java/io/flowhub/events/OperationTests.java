package io.flowhub.events;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OperationTests {

    @Test
    void wireValuesAreTheSeedSystemsNames() {
        assertThat(Operation.BULK).extracting(Operation::wireValue)
                .containsExactly("delete", "activate", "add_tags", "remove_tags");
        assertThat(String.join(", ", Operation.BULK.stream().map(Operation::wireValue).toList()))
                .isEqualTo(Operation.BULK_NAMES);
        assertThat(Operation.PURGE_USER_DATA.wireValue()).isEqualTo("purge_user_data");
    }

    @Test
    void aNameIsParsedAmongTheAllowedOnesOnlyAndAnUnknownOneIsRefusedWithTheList() {
        assertThat(Operation.parse(" Add_Tags ", Operation.BULK)).isEqualTo(Operation.ADD_TAGS);

        assertThatThrownBy(() -> Operation.parse("purge_item", Operation.BULK))
                .isInstanceOf(InvalidCommandException.class)
                .hasMessage("operation 'purge_item' is not supported: use one of delete, activate, add_tags, remove_tags");
        assertThat(List.of(Operation.values())).filteredOn(Operation::isBulk).isEqualTo(Operation.BULK);
    }
}
