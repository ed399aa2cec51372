package io.flowhub.gateway.job;

import io.flowhub.events.InvalidCommandException;
import io.flowhub.gateway.auth.Caller;
import io.flowhub.store.job.Job;
import jakarta.validation.Valid;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

/** Accepts bulk operations as asynchronous jobs: 202, then poll the job at {@code Location}. */
@RestController
class BulkOperationController {

    private final BulkJobSubmitter submitter;

    BulkOperationController(BulkJobSubmitter submitter) {
        this.submitter = submitter;
    }

    @PostMapping("/api/v1/bulk-operations")
    ResponseEntity<Accepted> submit(Caller caller, @Valid @RequestBody BulkOperationRequest request) {
        BulkOperation operation = BulkOperation.parse(request.operation());
        if (request.itemIds() == null || request.itemIds().isEmpty()) {
            throw new InvalidCommandException("itemIds is required: list the ids of the items to " + operation.wireValue());
        }
        Job job = submitter.submitSoftDelete(caller, request.itemIds(), request.batchSize());
        String jobId = job.id().toHexString();
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/jobs/" + jobId))
                .header(HttpHeaders.RETRY_AFTER, "1")
                .body(new Accepted("success", jobId, "Bulk operation started"));
    }

    record Accepted(String status, String jobId, String message) {
    }
}
