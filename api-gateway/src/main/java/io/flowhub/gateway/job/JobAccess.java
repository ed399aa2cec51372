package io.flowhub.gateway.job;

import io.flowhub.store.JobId;
import io.flowhub.gateway.user.Caller;
import io.flowhub.gateway.system.NotFoundException;
import io.flowhub.engine.Job;
import io.flowhub.engine.JobStore;
import io.flowhub.store.user.Role;
import org.springframework.stereotype.Component;

/** A job is the business of the user who asked for it and of ADMINs; to anyone else it does not exist. */
@Component
class JobAccess {

    private final JobStore jobs;

    JobAccess(JobStore jobs) {
        this.jobs = jobs;
    }

    Job visibleJob(Caller caller, String jobId) {
        return jobs.find(JobId.parse(jobId))
                .filter(job -> caller.is(Role.ADMIN) || (job.owner() != null && job.owner().isUser(caller.userId())))
                .orElseThrow(() -> new NotFoundException("Job", jobId));
    }
}
