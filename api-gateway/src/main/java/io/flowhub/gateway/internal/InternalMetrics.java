package io.flowhub.gateway.internal;

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

    void audited(String outcome) {
        Counter.builder("flowhub.audit.writes").tag("outcome", outcome.startsWith("denied") ? "denied" : outcome)
                .register(registry).increment();
        if (outcome.equals("denied: policy")) {
            Counter.builder("flowhub.policy.denials").tag("service", "api-gateway").register(registry).increment();
        }
    }
}
