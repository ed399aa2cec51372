package io.flowhub.gateway.internal;

import io.flowhub.store.audit.AuditOutcome;
import io.flowhub.gateway.limit.Share;
import io.flowhub.gateway.limit.Shares;
import io.flowhub.store.audit.AuditLog;
import io.flowhub.engine.CleanupResult;
import io.flowhub.store.policy.EnvironmentPolicy;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Optional;

/** Every internal call leaves an audit entry and counts in the metrics: what was asked, by which key, and how it ended. */
@Component
class InternalAudit {

    private final AuditLog audit;
    private final EnvironmentPolicy policy;
    private final InternalMetrics metrics;

    private final Shares shares;

    InternalAudit(AuditLog audit, EnvironmentPolicy policy, InternalMetrics metrics, Shares shares) {
        this.shares = shares;
        this.audit = audit;
        this.policy = policy;
        this.metrics = metrics;
    }

    /** @return the call this request makes, for its audit entry */
    Call call(HttpServletRequest request, Map<String, Object> params, boolean dryRun) {
        return new Call(request, request.getMethod() + " " + request.getRequestURI(),
                String.valueOf(request.getAttribute(InternalKeyFilter.CALLER_ATTRIBUTE)), params, dryRun);
    }

    /** One internal call: who made it, with what, and whether only as a dry run. */
    final class Call {

        private final String endpoint;
        private final String caller;
        private final Map<String, Object> params;
        private final boolean dryRun;
        private final HttpServletRequest request;

        private Call(HttpServletRequest request, String endpoint, String caller, Map<String, Object> params,
                boolean dryRun) {
            this.request = request;
            this.endpoint = endpoint;
            this.caller = caller;
            this.params = params;
            this.dryRun = dryRun;
        }

        /** @return the key the call was made with, as the job's owner */
        String caller() {
            return caller;
        }

        /**
         * @return whose cap of active jobs the call's job counts against: its run, its team or its key
         * @throws RuntimeException a 400, audited, when the run or team it names is not one
         */
        Share share() {
            try {
                return shares.ofKey(caller, request);
            } catch (RuntimeException e) {
                throw audited(e, AuditOutcome.INVALID);
            }
        }

        /** Refuses the call when the environment policy does (a dry run always passes), and audits the refusal. */
        void requireAllowed(Optional<String> refusal) {
            if (refusal.isPresent() && !dryRun) {
                record(AuditOutcome.DENIED_BY_POLICY, null, null);
                throw new PolicyDeniedException(refusal.get());
            }
        }

        /** Refuses the call when the policy does, dry run or not (a plan, which writes), and audits the refusal. */
        void refuseEvenDryRun(Optional<String> refusal) {
            if (refusal.isPresent()) {
                record(AuditOutcome.DENIED_BY_POLICY, null, null);
                throw new PolicyDeniedException(refusal.get());
            }
        }

        /** @return {@code e}, once the call is audited with {@code outcome} */
        RuntimeException audited(RuntimeException e, AuditOutcome outcome) {
            record(outcome, null, null);
            return e;
        }

        void record(AuditOutcome outcome, CleanupResult counts, String jobId) {
            audit.record(new AuditLog.AuditEntry(endpoint, caller, policy.environment().wireValue(), params, outcome,
                    counts == null ? null : counts.toMap(), dryRun, jobId));
            metrics.audited(outcome);
        }
    }
}
