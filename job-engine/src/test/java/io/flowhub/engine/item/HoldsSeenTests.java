package io.flowhub.engine.item;

import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class HoldsSeenTests {

    private static final Instant T0 = Instant.parse("2026-12-05T12:00:00Z");

    private final Holds holds = mock(Holds.class);
    private final Clock clock = mock(Clock.class);
    private final HoldsSeen seen = new HoldsSeen(holds, clock);

    @Test
    void aJobsBatchesGoByOneReadOfTheHoldsWhileItsMarkStaysPut() {
        ObjectId mark = new ObjectId();
        var covering = new Holds.Covering(Set.of(new ObjectId()), Set.of(), Set.of());
        when(holds.covering()).thenReturn(covering);
        when(clock.instant()).thenReturn(T0, T0.plusSeconds(1), T0.plusSeconds(2));

        assertThat(seen.under(mark)).isSameAs(covering);
        assertThat(seen.under(mark)).isSameAs(covering);
        assertThat(seen.under(mark)).isSameAs(covering);

        verify(holds, times(1)).covering();
    }

    @Test
    void aMovedMarkReadsTheHoldsAgain() {
        var before = new Holds.Covering(Set.of(), Set.of(), Set.of());
        var after = new Holds.Covering(Set.of(), Set.of("fixture"), Set.of());
        when(holds.covering()).thenReturn(before, after);
        when(clock.instant()).thenReturn(T0);

        assertThat(seen.under(null)).isSameAs(before);
        assertThat(seen.under(new ObjectId())).isSameAs(after);
    }

    @Test
    void aReadOlderThanItsLimitIsReadAgainThoughTheMarkStayedPut() {
        ObjectId mark = new ObjectId();
        var before = new Holds.Covering(Set.of(), Set.of(), Set.of());
        var after = new Holds.Covering(Set.of(), Set.of(), Set.of(new ObjectId()));
        when(holds.covering()).thenReturn(before, after);
        when(clock.instant()).thenReturn(T0, T0.plus(HoldsSeen.AT_MOST));

        assertThat(seen.under(mark)).isSameAs(before);
        assertThat(seen.under(mark)).isSameAs(after);
    }
}
