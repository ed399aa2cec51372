package io.flowhub.gateway.internal;

import io.flowhub.store.audit.AuditOutcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/** The gateway's meters for internal calls: audit writes by outcome and policy denials. */
@Component
class InternalMetrics {

    private final MeterRegistry registry;

    InternalMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void audited(AuditOutcome outcome) {
        Counter.builder("flowhub.audit.writes").tag("outcome", outcome.metricTag()).register(registry).increment();
        if (outcome == AuditOutcome.DENIED_BY_POLICY) {
            Counter.builder("flowhub.policy.denials").tag("service", "api-gateway").register(registry).increment();
        }
    }
}
