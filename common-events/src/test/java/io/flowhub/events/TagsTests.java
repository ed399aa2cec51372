package io.flowhub.events;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TagsTests {

    @Test
    void aListIsTrimmedAndLosesItsRepeats() {
        assertThat(Tags.check("tags", List.of(" a ", "b", "a"))).containsExactly("a", "b");
        assertThat(Tags.check("tags", null)).isEmpty();
    }

    @Test
    void eachWayATagCanBeWrongSaysWhatToFix() {
        assertThatThrownBy(() -> Tags.check("filter.tags", Arrays.asList("a", null)))
                .isInstanceOf(InvalidCommandException.class).hasMessageContaining("filter.tags contains null");
        assertThatThrownBy(() -> Tags.checkOne("tags", "   ")).hasMessageContaining("blank");
        assertThatThrownBy(() -> Tags.checkOne("tags", "\u0000")).hasMessageContaining("control character");
        assertThatThrownBy(() -> Tags.checkOne("tags", "x".repeat(51))).hasMessageContaining("at most 50");
        assertThatThrownBy(() -> Tags.checkOne("tags", "env,prod")).hasMessageContaining("comma");
        assertThatThrownBy(() -> Tags.check("tags", Collections.nCopies(150_000, "t")))
                .hasMessage("tags lists 150000 tags; at most 20 are allowed");
    }
}
