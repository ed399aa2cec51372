package io.flowhub.gateway.job;

import io.flowhub.events.InvalidCommandException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BulkOperationTests {

    @Test
    void parsesTheSeedOperationNameInAnyCase() {
        assertThat(BulkOperation.parse("delete")).isEqualTo(BulkOperation.DELETE);
        assertThat(BulkOperation.parse(" DELETE ")).isEqualTo(BulkOperation.DELETE);
    }

    @Test
    void anUnknownOperationNamesWhatIsSupported() {
        assertThatThrownBy(() -> BulkOperation.parse("explode"))
                .isInstanceOf(InvalidCommandException.class)
                .hasMessage("operation 'explode' is not supported: use one of delete");
    }
}
