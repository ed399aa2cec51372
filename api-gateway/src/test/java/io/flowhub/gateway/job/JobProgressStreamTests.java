package io.flowhub.gateway.job;

import io.flowhub.gateway.GatewaySettings;
import io.flowhub.gateway.system.TooManyRequestsException;
import io.flowhub.store.JobId;
import io.flowhub.store.job.CleanupResult;
import io.flowhub.store.job.Job;
import io.flowhub.store.job.JobCounts;
import io.flowhub.store.job.JobKind;
import io.flowhub.store.job.JobQueries;
import io.flowhub.store.job.JobStatus;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class JobProgressStreamTests {

    private final JobQueries jobs = mock(JobQueries.class);
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

    @Test
    void aClientThatStopsReadingDelaysNoOtherStream() {
        stream = new JobProgressStream(jobs, settings(10, 100), nextEmitters::poll);
        JobId stuckJob = new JobId(new ObjectId());
        JobId watchedJob = new JobId(new ObjectId());
        var stuck = new StuckEmitter(clientReadsAgain);
        var reader = new RecordingEmitter();
        nextEmitters.add(stuck);
        nextEmitters.add(reader);
        stream.open("slow reader", stuckJob);
        stream.open("someone else", watchedJob);
        when(jobs.findAll(any())).thenAnswer(call -> Map.of(
                stuckJob, running(stuckJob), watchedJob, running(watchedJob)));

        await().atMost(Duration.ofSeconds(10)).until(() -> reader.sent.size() >= 3);

        assertThat(stuck.sends).isEqualTo(1);
    }

    @Test
    void aCallerMayHoldSoManyStreamsAndTheGatewaySoManyInAll() {
        stream = new JobProgressStream(jobs, settings(2, 3), RecordingEmitter::new);
        stream.open("a", new JobId(new ObjectId()));
        stream.open("a", new JobId(new ObjectId()));

        assertThatThrownBy(() -> stream.open("a", new JobId(new ObjectId()))).isInstanceOf(TooManyRequestsException.class)
                .hasMessageContaining("You have 2 job event streams open");
        stream.open("b", new JobId(new ObjectId()));
        assertThatThrownBy(() -> stream.open("c", new JobId(new ObjectId()))).isInstanceOf(TooManyRequestsException.class)
                .hasMessageContaining("The gateway has 3 job event streams open");
    }

    private static GatewaySettings settings(int perCaller, int inAll) {
        return new GatewaySettings(Duration.ofSeconds(15), 10, Duration.ofSeconds(5), DataSize.ofMegabytes(1),
                perCaller, inAll);
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

        @Override
        public void send(SseEventBuilder event) {
            sent.add(event);
        }
    }
}
