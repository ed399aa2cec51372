package io.flowhub.client;

import java.time.Instant;

/**
 * A test run as {@code GET /internal/runs} shows it: what it holds now, and its lease's end ({@code null} for a
 * run without a lease, which no reaper cleans up).
 */
public record Run(String runId, long items, long users, long files, Instant createdAt, Instant lastActivityAt,
                  Instant expiresAt) {
}
