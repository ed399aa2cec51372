package io.flowhub.gateway.internal;

import io.flowhub.engine.plan.Plan;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A plan as a dry run's answer shows it: how to apply it, until when, what it would touch, a sample. */
record PlanView(String planId, Instant expiresAt, Map<String, Long> counts, List<String> sample) {

    static PlanView of(Plan plan) {
        return new PlanView(plan.id().toHexString(), plan.expiresAt(),
                Map.of("items", plan.items(), "files", plan.files()), plan.sample());
    }
}
