package io.flowhub.gateway.job;

import io.flowhub.store.erasure.Receipt;

import java.time.Instant;
import java.util.Map;

/** An erasure receipt as the API shows it; see {@link Receipt}. */
public record ReceiptView(
        String jobId,
        String operation,
        String jobStatus,
        Map<String, Long> deleted,
        Map<String, Long> remaining,
        boolean verified,
        Instant verifiedAt,
        int batches,
        String digest) {

    public static ReceiptView of(Receipt receipt) {
        return new ReceiptView(receipt.jobId().toString(), receipt.operation(), receipt.status(),
                receipt.deleted().toMap(), receipt.remaining().toMap(), receipt.verified(), receipt.verifiedAt(),
                receipt.batches(), receipt.digest());
    }
}
