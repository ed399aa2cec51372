package io.flowhub.gateway.job;

import io.flowhub.gateway.system.BadRequestException;
import io.flowhub.gateway.system.Envelope;
import io.flowhub.gateway.user.Caller;
import io.flowhub.engine.Job;
import jakarta.validation.Valid;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

/** Accepts bulk operations as asynchronous jobs: 202, then poll the job at {@code Location}. */
@RestController
class BulkOperationController {

    private final BulkJobSubmitter submitter;

    BulkOperationController(BulkJobSubmitter submitter) {
        this.submitter = submitter;
    }

    @PostMapping("/api/v1/bulk-operations")
    ResponseEntity<Envelope<Void>> submit(Caller caller, @Valid @RequestBody BulkOperationRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        return accepted(submitter.submit(caller, request, idempotencyKey), "Bulk operation started");
    }

    /**
     * The seed system's missing "delete by tag": a soft-delete job over the caller's items with any of the
     * tags, or (with {@code run_id}) of the caller's items created under that test run — for every role:
     * an ADMIN reaches another user's items only by naming that user as {@code created_by}.
     */
    @DeleteMapping("/api/v1/items")
    ResponseEntity<Envelope<Void>> deleteByTags(Caller caller, @RequestParam(required = false) List<String> tags,
            @RequestParam(name = "test_data", required = false) Boolean testData,
            @RequestParam(name = "run_id", required = false) String runId,
            @RequestParam(name = "created_by", required = false) String createdBy,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        List<String> given = tags == null ? List.of()
                : tags.stream().map(String::trim).filter(tag -> !tag.isEmpty()).toList();
        if (given.isEmpty() && runId == null) {
            throw new BadRequestException("tags or run_id is required: DELETE /api/v1/items?tags=test-data deletes "
                    + "the items with any of the tags, ?run_id=... those of one test run; it never deletes everything");
        }
        var filter = new BulkOperationRequest.Filter(given, "active", testData, createdBy, runId);
        var request = new BulkOperationRequest("delete", null, filter, null, null);
        return accepted(submitter.submit(caller, request, idempotencyKey), "Delete by tags started");
    }

    private static ResponseEntity<Envelope<Void>> accepted(Job job, String message) {
        String jobId = job.id().toString();
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/jobs/" + jobId))
                .header(HttpHeaders.RETRY_AFTER, "1")
                .body(Envelope.message(message).with("job_id", jobId));
    }

}
