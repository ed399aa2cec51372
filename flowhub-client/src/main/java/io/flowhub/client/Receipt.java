package io.flowhub.client;

import java.time.Instant;
import java.util.Map;

/**
 * A finished hard delete's erasure receipt: what it deleted, what a look taken at {@code verifiedAt}
 * still finds of what it targeted, and a digest over its ledger.
 */
public record Receipt(String jobId, String operation, String jobStatus, Map<String, Long> deleted,
                      Map<String, Long> remaining, boolean verified, Instant verifiedAt, int batches, String digest) {
}
