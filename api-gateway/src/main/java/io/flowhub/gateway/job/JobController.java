package io.flowhub.gateway.job;

import io.flowhub.gateway.auth.Caller;
import io.flowhub.gateway.system.NotFoundException;
import io.flowhub.store.ObjectIds;
import io.flowhub.store.job.JobStore;
import io.flowhub.store.user.Role;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Job polling; {@code /bulk-operations/{id}} is the seed system's address for the same view. A job
 * is shown to the user who asked for it and to ADMINs; to anyone else it does not exist.
 */
@RestController
class JobController {

    private final JobStore jobs;

    JobController(JobStore jobs) {
        this.jobs = jobs;
    }

    @GetMapping({"/api/v1/jobs/{jobId}", "/api/v1/bulk-operations/{jobId}"})
    JobResponse get(Caller caller, @PathVariable String jobId) {
        return new JobResponse("success", jobs.find(ObjectIds.parse("job id", jobId))
                .filter(job -> caller.is(Role.ADMIN) || caller.id().toHexString().equals(job.ownerId()))
                .map(JobView::of)
                .orElseThrow(() -> new NotFoundException("Job", jobId)));
    }

    record JobResponse(String status, JobView data) {
    }
}
