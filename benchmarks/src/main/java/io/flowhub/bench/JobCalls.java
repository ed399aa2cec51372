package io.flowhub.bench;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.List;

import static com.mongodb.client.model.Filters.eq;

/**
 * How the harness calls the gateway and waits for jobs, as a client or a test suite does: posts,
 * internal calls, polling a job through the API or reading it in the database until it is finished.
 */
final class JobCalls {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final BenchEnvironment env;

    JobCalls(BenchEnvironment env) {
        this.env = env;
    }

    JsonNode post(String path, String json, String bearer) throws Exception {
        var request = HttpRequest.newBuilder(env.uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return JobCalls.json(env.http.send(request.build(), HttpResponse.BodyHandlers.ofString()).body());
    }

    HttpResponse<String> internal(String method, String path, String json) throws Exception {
        return internal(env.http, method, path, json, Map.of());
    }

    /** @param headers further headers, such as the {@code X-FlowHub-Run} a suite's cleanup sends */
    private HttpResponse<String> internal(HttpClient http, String method, String path, String json,
            Map<String, String> headers) throws Exception {
        var request = HttpRequest.newBuilder(env.uri(path)).header("x-internal-key", BenchEnvironment.INTERNAL_KEY)
                .header("Content-Type", "application/json").timeout(Duration.ofMinutes(10))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Polls the job every few milliseconds until it is finished; returns it. */
    Document awaitJob(String jobId) throws Exception {
        return awaitJob(eq("_id", new ObjectId(jobId)), Duration.ofMillis(5), () -> {
        });
    }

    /**
     * Polls the job the query finds until it has completed, and returns it.
     *
     * @param meanwhile run between polls: throws when whatever runs the job is gone
     * @throws IllegalStateException when the job fails or is cancelled
     */
    Document awaitJob(Bson which, Duration every, Check meanwhile) throws Exception {
        var jobs = env.database.getCollection("jobs");
        while (true) {
            Document job = jobs.find(which).first();
            if (job != null && List.of("completed", "failed", "cancelled").contains(job.getString("status"))) {
                if (!"completed".equals(job.getString("status"))) {
                    throw new IllegalStateException("Job " + job.getObjectId("_id") + " " + job.getString("status")
                            + ": " + job.getString("failure_reason"));
                }
                return job;
            }
            meanwhile.run();
            Thread.sleep(every.toMillis());
        }
    }

    /** Something to check while waiting, which may fail. */
    @FunctionalInterface
    interface Check {
        void run() throws Exception;
    }

    /** Polls the job through the API, as a client does, until it is completed. */
    void pollUntilDone(String jobId) throws Exception {
        pollUntilCompleted("Job " + jobId, () -> env.http.send(HttpRequest.newBuilder(env.uri("/api/v1/jobs/" + jobId))
                .header("Authorization", "Bearer " + env.token).build(), HttpResponse.BodyHandlers.ofString()).body());
    }

    /**
     * Calls an internal cleanup endpoint as a test suite does: waits as long as the gateway will, then polls.
     *
     * @return the cleanup's job id
     */
    String cleanup(String method, String path, String body) throws Exception {
        return cleanup(env.http, method, path, body, Map.of());
    }

    /** The same from a client of its own, with further headers. */
    String cleanup(HttpClient http, String method, String path, String body, Map<String, String> headers)
            throws Exception {
        String waiting = path + (path.contains("?") ? "&" : "?") + "wait=300";
        var response = internal(http, method, waiting, body, headers);
        if (response.statusCode() != 200 && response.statusCode() != 202) {
            throw new IllegalStateException("Expected 200, got " + response.statusCode() + ": " + response.body());
        }
        String jobId = JobCalls.json(response.body()).get("job_id").asString();
        if (response.statusCode() == 202) {
            pollUntilCompleted("Cleanup job " + jobId,
                    () -> internal(http, "GET", "/api/v1/internal/jobs/" + jobId, null, headers).body());
        }
        return jobId;
    }

    /** Reads the job's view every few milliseconds until its status is completed; throws if it ends otherwise. */
    private static void pollUntilCompleted(String job, JobView view) throws Exception {
        while (true) {
            String status = JobCalls.json(view.body()).get("data").get("status").asString();
            if (status.equals("completed")) {
                return;
            }
            if (!status.equals("queued") && !status.equals("running")) {
                throw new IllegalStateException(job + " ended " + status);
            }
            Thread.sleep(5);
        }
    }

    /** One read of a job's view: the JSON body the API answers. */
    @FunctionalInterface
    private interface JobView {
        String body() throws Exception;
    }

    /** @return how long the job ran in its worker, from started_at to finished_at (millisecond resolution) */
    double workerMillis(String jobId) {
        Document job = env.database.getCollection("jobs").find(eq("_id", new ObjectId(jobId))).first();
        return job.getDate("finished_at").getTime() - job.getDate("started_at").getTime();
    }

    static JsonNode json(String body) {
        return JSON.readTree(body);
    }
}
