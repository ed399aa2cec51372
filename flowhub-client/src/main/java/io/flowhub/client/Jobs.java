package io.flowhub.client;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Bulk operations and jobs: submit, read, cancel, undo, and wait for one with a progress callback,
 * from the job's event stream (a signed-in user's, or the internal one with the key); should the
 * stream end early, the wait goes on by polling.
 */
public final class Jobs {

    private static final Duration POLL = Duration.ofMillis(200);

    private final Http http;
    private final boolean signedIn;

    Jobs(Http http, boolean signedIn) {
        this.http = http;
        this.signedIn = signedIn;
    }

    /**
     * Starts a bulk operation ({@code delete}, {@code activate}, {@code add_tags}, {@code remove_tags}) on
     * the listed items.
     *
     * @return the job's id
     */
    public String bulk(String operation, List<String> itemIds, List<String> tags) {
        var body = new LinkedHashMap<String, Object>();
        body.put("operation", operation);
        body.put("item_ids", itemIds);
        if (tags != null) {
            body.put("tags", tags);
        }
        return http.post("/api/v1/bulk-operations", Map.of(), body, Map.of()).body().path("job_id").asString();
    }

    /** Starts a bulk operation on the items a filter selects ({@code tags}, {@code test_data}, {@code run_id}, ...). */
    public String bulkByFilter(String operation, Map<String, Object> filter, List<String> tags) {
        var body = new LinkedHashMap<String, Object>();
        body.put("operation", operation);
        body.put("filter", filter);
        if (tags != null) {
            body.put("tags", tags);
        }
        return http.post("/api/v1/bulk-operations", Map.of(), body, Map.of()).body().path("job_id").asString();
    }

    /** @return the newest jobs, at most {@code limit} (1 to 200): see {@link #list(String, String, String, int)} */
    public List<Job> list(int limit) {
        return list(null, null, null, limit);
    }

    /**
     * The newest jobs, newest first: with a bearer token the signed-in user's, with the internal key everyone's.
     *
     * @param kind   {@code bulk} or {@code cleanup}, or {@code null} for both
     * @param status {@code queued}, {@code running}, {@code completed}, {@code failed} or {@code cancelled}, or
     *               {@code null} for any
     * @param owner  with the internal key only: whose jobs (a user id, {@code key:<id>} or {@code schedule}), or
     *               {@code null} for everyone's
     * @param limit  1 to 200
     * @throws IllegalArgumentException for an owner given with a bearer token: a user sees only its own jobs
     */
    public List<Job> list(String kind, String status, String owner, int limit) {
        if (signedIn && owner != null) {
            throw new IllegalArgumentException("A user lists only its own jobs; choosing an owner needs the internal key");
        }
        var query = new LinkedHashMap<String, Object>();
        query.put("limit", limit);
        if (kind != null) {
            query.put("kind", kind);
        }
        if (status != null) {
            query.put("status", status);
        }
        if (owner != null) {
            query.put("owner", owner);
        }
        var listed = new ArrayList<Job>();
        http.get(signedIn ? "/api/v1/jobs" : "/api/v1/internal/jobs", query).data()
                .forEach(job -> listed.add(Http.JSON.treeToValue(job, Job.class)));
        return listed;
    }

    public Job get(String jobId) {
        String path = signedIn ? "/api/v1/jobs/" : "/api/v1/internal/jobs/";
        return http.get(path + Http.encode(jobId), Map.of()).data(Job.class);
    }

    /** Stops a queued or running job at its next batch; what it did so far stays done and counted. */
    public Job cancel(String jobId) {
        String path = signedIn ? "/api/v1/jobs/" : "/api/v1/internal/jobs/";
        return http.post(path + Http.encode(jobId) + "/cancel", Map.of(), null, Map.of()).data(Job.class);
    }

    /**
     * Reverses what a finished job changed (a bulk job, or a soft tag or run cleanup), as a new job; an item
     * changed since is left alone ({@code changed_since}).
     *
     * @return the undo's job id
     */
    public String undo(String jobId) {
        String path = signedIn ? "/api/v1/jobs/" : "/api/v1/internal/jobs/";
        return http.post(path + Http.encode(jobId) + "/undo", Map.of(), null, Map.of()).body().path("job_id")
                .asString();
    }

    /** @return a finished hard delete's erasure receipt */
    public Receipt receipt(String jobId) {
        String path = signedIn ? "/api/v1/jobs/" : "/api/v1/internal/jobs/";
        return http.get(path + Http.encode(jobId) + "/receipt", Map.of()).data(Receipt.class);
    }

    /**
     * Waits until the job has finished, handing every state it passes through to {@code progress}.
     *
     * @return the job as it finished: completed, failed or cancelled
     * @throws TimeoutException when it is still running after {@code timeout}
     */
    public Job waitFor(String jobId, Duration timeout, Consumer<Job> progress) throws TimeoutException {
        Instant until = Instant.now().plus(timeout);
        Job job = streamed(jobId, until, progress);
        while (!job.isFinished()) {
            if (Instant.now().isAfter(until)) {
                throw new TimeoutException("Job " + jobId + " is still " + job.status() + " after " + timeout);
            }
            progress.accept(job);
            LockSupport.parkNanos(POLL.toNanos());
            job = get(jobId);
        }
        progress.accept(job);
        return job;
    }

    /**
     * @return the job's last state on its event stream: final once the stream ends with the final status; the
     *         stream is read on its own thread, so a quiet stream never keeps the caller past the deadline
     */
    private Job streamed(String jobId, Instant until, Consumer<Job> progress) {
        var states = new LinkedBlockingQueue<Optional<Job>>();
        String path = signedIn ? "/api/v1/jobs/" : "/api/v1/internal/jobs/";
        Stream<String> lines = http.events(path + Http.encode(jobId) + "/events");
        Thread reader = Thread.ofVirtual().name("flowhub-job-" + jobId).start(() -> {
            try (lines) {
                lines.filter(line -> line.startsWith("data:"))
                        .map(line -> Http.JSON.readValue(line.substring("data:".length()).trim(), Job.class))
                        .forEach(job -> states.add(Optional.of(job)));
            } catch (RuntimeException e) {
                // why: a stream cut short (a gateway restarting) ends the wait on it; polling takes over
            } finally {
                states.add(Optional.empty());
            }
        });
        Job last = null;
        try {
            while (true) {
                Optional<Job> next = states.poll(Math.max(0, Duration.between(Instant.now(), until).toMillis()),
                        TimeUnit.MILLISECONDS);
                if (next == null || next.isEmpty()) {
                    break;
                }
                last = next.get();
                if (last.isFinished()) {
                    break;
                }
                progress.accept(last);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for job " + jobId, e);
        } finally {
            lines.close();
            reader.interrupt();
        }
        return last == null ? get(jobId) : last;
    }
}
