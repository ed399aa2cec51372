package io.flowhub.wiring;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anySet;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class ConsumerBacklogTests {

    private static final TopicPartition FETCHED = new TopicPartition("flowhub.commands.bulk", 0);
    private static final TopicPartition NOT_YET_FETCHED = new TopicPartition("flowhub.commands.bulk", 1);

    @SuppressWarnings("unchecked")
    private final Consumer<String, Object> consumer = mock(Consumer.class);

    @Test
    void aRecordLeftFromTheLastFetchIsSomeoneWaiting() {
        when(consumer.assignment()).thenReturn(Set.of(FETCHED));
        when(consumer.currentLag(FETCHED)).thenReturn(OptionalLong.of(1));

        assertThat(new ConsumerBacklog(consumer).hasWaiting()).isTrue();
    }

    @Test
    void aPartitionNotFetchedYetIsAskedOfTheBrokerRatherThanTakenForABacklog() {
        when(consumer.assignment()).thenReturn(Set.of(FETCHED, NOT_YET_FETCHED));
        when(consumer.currentLag(FETCHED)).thenReturn(OptionalLong.of(0));
        when(consumer.currentLag(NOT_YET_FETCHED)).thenReturn(OptionalLong.empty());
        when(consumer.endOffsets(anySet(), any(Duration.class))).thenReturn(Map.of(FETCHED, 7L, NOT_YET_FETCHED, 3L));
        when(consumer.position(eq(FETCHED), any(Duration.class))).thenReturn(7L);
        when(consumer.position(eq(NOT_YET_FETCHED), any(Duration.class))).thenReturn(3L);

        assertThat(new ConsumerBacklog(consumer).hasWaiting()).isFalse();
    }

    @Test
    void aRecordAppendedSinceTheLastFetchIsSomeoneWaiting() {
        when(consumer.assignment()).thenReturn(Set.of(FETCHED, NOT_YET_FETCHED));
        when(consumer.currentLag(FETCHED)).thenReturn(OptionalLong.of(0));
        when(consumer.currentLag(NOT_YET_FETCHED)).thenReturn(OptionalLong.empty());
        when(consumer.endOffsets(anySet(), any(Duration.class))).thenReturn(Map.of(FETCHED, 7L, NOT_YET_FETCHED, 4L));
        when(consumer.position(eq(FETCHED), any(Duration.class))).thenReturn(7L);
        when(consumer.position(eq(NOT_YET_FETCHED), any(Duration.class))).thenReturn(3L);

        assertThat(new ConsumerBacklog(consumer).hasWaiting()).isTrue();
    }

    @Test
    void aBrokerThatDoesNotAnswerLeavesTheJobRunningOn() {
        when(consumer.assignment()).thenReturn(Set.of(NOT_YET_FETCHED));
        when(consumer.currentLag(NOT_YET_FETCHED)).thenReturn(OptionalLong.empty());
        when(consumer.endOffsets(anySet(), any(Duration.class))).thenThrow(new TimeoutException("no answer"));

        assertThat(new ConsumerBacklog(consumer).hasWaiting()).isFalse();
    }
}
