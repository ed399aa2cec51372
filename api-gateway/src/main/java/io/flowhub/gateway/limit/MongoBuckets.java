package io.flowhub.gateway.limit;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AbstractCompareAndSwapBasedProxyManager;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AsyncCompareAndSwapOperation;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.CompareAndSwapOperation;
import io.github.bucket4j.distributed.remote.RemoteBucketState;
import org.bson.Document;
import org.bson.types.Binary;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.set;

/**
 * Bucket4j's token buckets kept in MongoDB, so that every gateway instance draws from the same
 * bucket and a restart forgets nothing. Bucket4j does the token arithmetic; this class only stores
 * its state: one document per bucket ({@code _id} the bucket's key, {@code state} Bucket4j's bytes,
 * {@code version} a counter) and a compare-and-swap that is one conditional write — an insert, whose
 * duplicate key loses to the other instance's, or an update whose filter holds the version read.
 * A loser reads again and retries, which Bucket4j does itself.
 *
 * <p>{@code expires_at} is when a bucket would be full again anyway; past it the document carries
 * nothing and the TTL index (or, on a server without TTL monitor, the expiry sweep) removes it.
 */
public final class MongoBuckets extends AbstractCompareAndSwapBasedProxyManager<String> {

    /** why: a full bucket's state is as good as none; keeping it a little past full costs nothing */
    private static final ExpirationAfterWriteStrategy EXPIRY =
            ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1));
    private static final long ABSENT = -1;

    private final MongoCollection<Document> states;
    private final Clock clock;

    public MongoBuckets(MongoCollection<Document> states, Clock clock) {
        super(ClientSideConfig.getDefault().withExpirationAfterWriteStrategy(EXPIRY));
        this.states = states;
        this.clock = clock;
    }

    @Override
    protected CompareAndSwapOperation beginCompareAndSwapOperation(String key) {
        return new CompareAndSwapOperation() {
            private long version = ABSENT;

            @Override
            public Optional<byte[]> getStateData(Optional<Long> timeoutNanos) {
                Document stored = states.find(eq("_id", key)).first();
                if (stored == null) {
                    version = ABSENT;
                    return Optional.empty();
                }
                version = stored.getLong("version");
                return Optional.of(stored.get("state", Binary.class).getData());
            }

            @Override
            public boolean compareAndSwap(byte[] original, byte[] next, RemoteBucketState state,
                    Optional<Long> timeoutNanos) {
                Date expiresAt = new Date(clock.millis() + EXPIRY.calculateTimeToLiveMillis(state, clock.millis() * 1_000_000));
                if (version == ABSENT) {
                    return inserted(key, next, expiresAt);
                }
                return states.updateOne(and(eq("_id", key), eq("version", version)),
                        combine(set("state", new Binary(next)), set("version", version + 1), set("expires_at", expiresAt)))
                        .getModifiedCount() == 1;
            }
        };
    }

    private boolean inserted(String key, byte[] state, Date expiresAt) {
        try {
            states.insertOne(new Document("_id", key).append("state", new Binary(state)).append("version", 0L)
                    .append("expires_at", expiresAt));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                // why: another instance made the bucket first; Bucket4j reads its state and tries again
                return false;
            }
            throw e;
        }
    }

    @Override
    public void removeProxy(String key) {
        states.deleteOne(eq("_id", key));
    }

    @Override
    public boolean isAsyncModeSupported() {
        return false;
    }

    @Override
    public boolean isExpireAfterWriteSupported() {
        return true;
    }

    @Override
    protected AsyncCompareAndSwapOperation beginAsyncCompareAndSwapOperation(String key) {
        throw new UnsupportedOperationException("MongoBuckets is synchronous");
    }

    @Override
    protected CompletableFuture<Void> removeAsync(String key) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("MongoBuckets is synchronous"));
    }
}
