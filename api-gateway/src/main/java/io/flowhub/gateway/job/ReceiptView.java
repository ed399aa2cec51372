package io.flowhub.gateway.job;

import io.flowhub.engine.erasure.Receipt;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An erasure receipt as the API shows it; see {@link Receipt}. {@code stores} lists every place the
 * look went through — the collections, the files root and, for a purge, the dead-letter topics — with
 * what remains there and until when; {@code verified} is true only when nothing remains anywhere.
 */
public record ReceiptView(
        String jobId,
        String operation,
        String jobStatus,
        Map<String, Long> deleted,
        Map<String, Long> remaining,
        boolean verified,
        Instant verifiedAt,
        int batches,
        String digest,
        List<Receipt.Store> stores) {

    /** @param elsewhere what the stores outside MongoDB and the files root keep ({@link RemainsElsewhere}) */
    public static ReceiptView of(Receipt receipt, List<Receipt.Store> elsewhere) {
        var stores = new ArrayList<>(receipt.stores());
        stores.addAll(elsewhere);
        boolean clean = elsewhere.stream().allMatch(store -> store.remaining() == 0);
        return new ReceiptView(receipt.jobId().toString(), receipt.operation(), receipt.status(),
                receipt.deleted().toMap(), receipt.remaining().toMap(), receipt.verified() && clean,
                receipt.verifiedAt(), receipt.batches(), receipt.digest(), stores);
    }
}
