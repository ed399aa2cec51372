package io.flowhub.gateway.job;

import io.flowhub.gateway.GatewaySettings;
import io.flowhub.gateway.system.TooManyRequestsException;
import io.flowhub.store.JobId;
import io.flowhub.engine.CleanupResult;
import io.flowhub.engine.Job;
import io.flowhub.engine.JobCounts;
import io.flowhub.engine.JobKind;
import io.flowhub.engine.JobQueries;
import io.flowhub.engine.JobStatus;
import org.bson.types.ObjectId;
import io.flowhub.gateway.limit.Slots;
import io.flowhub.gateway.limit.Slots.Slot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class JobProgressStreamTests {

    private final JobQueries jobs = mock(JobQueries.class);
    private final Slots slots = mock(Slots.class);
    private final CountDownLatch clientReadsAgain = new CountDownLatch(1);
    private final Queue<SseEmitter> nextEmitters = new ArrayDeque<>();
    private JobProgressStream stream;

    @AfterEach
    void stop() {
        clientReadsAgain.countDown();
        if (stream != null) {
            stream.stop();
        }
    }

    @BeforeEach
    void everyCallerHasASlotToSpare() {
        when(slots.take(any(), anyInt(), any(), any(), any()))
                .thenAnswer(call -> Optional.of(new Slot(call.getArgument(0), call.getArgument(2))));
    }

    @Test
    void aClientThatStopsReadingDelaysNoOtherStream() {
        stream = new JobProgressStream(jobs, settings(10, 100), slots, Clock.systemUTC(), nextEmitters::poll);
        JobId stuckJob = new JobId(new ObjectId());
        JobId watchedJob = new JobId(new ObjectId());
        var stuck = new StuckEmitter(clientReadsAgain);
        var reader = new RecordingEmitter();
        nextEmitters.add(stuck);
        nextEmitters.add(reader);
        when(jobs.findAll(any())).thenAnswer(call -> Map.of(
                stuckJob, running(stuckJob), watchedJob, running(watchedJob)));
        stream.open("slow reader", stuckJob);
        stream.open("someone else", watchedJob);

        await().atMost(Duration.ofSeconds(10)).until(() -> reader.sent.size() >= 3);

        assertThat(stuck.sends).isEqualTo(1);
    }

    @Test
    void theGatewayServesSoManyStreamsInAllAndAClosedOneMakesRoom() {
        stream = new JobProgressStream(jobs, settings(10, 2), slots, Clock.systemUTC(), RecordingEmitter::new);
        SseEmitter first = stream.open("a", new JobId(new ObjectId()));
        stream.open("b", new JobId(new ObjectId()));

        assertThatThrownBy(() -> stream.open("c", new JobId(new ObjectId()))).isInstanceOf(TooManyRequestsException.class)
                .hasMessageContaining("The gateway has 2 job event streams open");
        ((RecordingEmitter) first).closedByClient();
        stream.open("c", new JobId(new ObjectId()));
        verify(slots).release(argThat(slot -> slot.id().equals("streams/a")));
    }

    @Test
    void aStreamIsReadWhenItOpensAndAgainOnlyWhenItsScheduleSaysSo() {
        // the clock stands still: a stream opened now is due once, at once, and its next read lies after that instant
        var now = Clock.fixed(Instant.parse("2026-12-05T09:00:00Z"), ZoneOffset.UTC);
        stream = new JobProgressStream(jobs, settings(10, 100), slots, now, RecordingEmitter::new);
        JobId job = new JobId(new ObjectId());
        when(jobs.findAll(any())).thenAnswer(call -> Map.of(job, running(job)));

        var reader = (RecordingEmitter) stream.open("suite", job);

        await().atMost(Duration.ofSeconds(5)).until(() -> reader.sent.size() == 1);
        await().during(Duration.ofMillis(3 * JobProgressStream.POLL.toMillis())).atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> verify(jobs, times(1)).findAll(any()));
    }

    @Test
    void aStreamOfAJobThatIsAlreadyDoneSendsItsEndAndLetsItsSlotGo() {
        stream = new JobProgressStream(jobs, settings(10, 100), slots, Clock.systemUTC(), RecordingEmitter::new);
        JobId doneJob = new JobId(new ObjectId());
        Job done = running(doneJob);
        when(done.status()).thenReturn(JobStatus.COMPLETED);
        when(jobs.findAll(any())).thenReturn(Map.of(doneJob, done));

        var reader = (RecordingEmitter) stream.open("suite", doneJob);

        await().atMost(Duration.ofSeconds(5)).until(() -> reader.completed);
        assertThat(reader.sent).hasSize(1);
        verify(slots).release(argThat(slot -> slot.id().equals("streams/suite")));
    }

    private static GatewaySettings settings(int perCaller, int inAll) {
        return new GatewaySettings(Duration.ofSeconds(15), 10, Duration.ofSeconds(5), DataSize.ofMegabytes(1),
                perCaller, inAll, Map.of(), List.of());
    }

    /** A running job that changed just now, every time it is read. */
    private static Job running(JobId id) {
        Job job = mock(Job.class);
        when(job.id()).thenReturn(id);
        when(job.status()).thenReturn(JobStatus.RUNNING);
        when(job.updatedAt()).thenReturn(Instant.now());
        when(job.kind()).thenReturn(JobKind.BULK);
        when(job.counts()).thenReturn(JobCounts.NONE);
        when(job.errors()).thenReturn(List.of());
        when(job.result()).thenReturn(CleanupResult.NONE);
        return job;
    }

    /** A client whose connection stopped taking bytes: its first send never returns until the test ends. */
    private static final class StuckEmitter extends SseEmitter {

        private final CountDownLatch released;
        private volatile int sends;

        StuckEmitter(CountDownLatch released) {
            this.released = released;
        }

        @Override
        public void send(SseEventBuilder event) {
            sends++;
            try {
                released.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static final class RecordingEmitter extends SseEmitter {

        private final Queue<SseEventBuilder> sent = new ConcurrentLinkedQueue<>();
        private volatile Runnable onCompletion = () -> { };
        private volatile boolean completed;

        @Override
        public void send(SseEventBuilder event) {
            sent.add(event);
        }

        @Override
        public synchronized void onCompletion(Runnable callback) {
            this.onCompletion = callback;
        }

        /** What the web server does once the stream is completed: the completion callback runs. */
        @Override
        public void complete() {
            completed = true;
            onCompletion.run();
        }

        /** What the web server does when the client hangs up: the stream completes. */
        void closedByClient() {
            onCompletion.run();
        }
    }
}
