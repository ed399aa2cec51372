package io.flowhub.engine;

/**
 * Whether commands wait behind the one a worker runs, on the partitions its consumer reads: the
 * worker's own view (the consumer's lag at its last fetch), beside the queued jobs the engine finds
 * in the store.
 */
@FunctionalInterface
public interface Backlog {

    /** For a run without a consumer: only the store's queued jobs say whether anyone waits. */
    Backlog NONE = () -> false;

    boolean hasWaiting();
}
