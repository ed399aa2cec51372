package io.flowhub.engine;

import java.util.Optional;

/**
 * What one job does, batch by batch; the {@link JobEngine} runs it. A batch is made so that doing it
 * again finds its own earlier changes and changes nothing twice: the engine may stop between any two
 * batches (cancelled, lease lost, process killed) and resume from the last recorded one on any
 * instance.
 */
public interface JobWork extends AutoCloseable {

    /** @return why the job must not run at all (the environment policy, an unknown user); it fails with this */
    default Optional<String> refusal() {
        return Optional.empty();
    }

    /**
     * @param from where the job stands: a job going on after earlier batches covers what it worked through before it
     *             and what its selection holds after that
     * @return how many items the job covers, when known before it starts; 0 otherwise
     */
    default long total(Checkpoint from) {
        return 0;
    }

    /**
     * @return true when {@link #total} is a read of the items (a filter's count, a pass over them where no index serves
     *         the filter); the engine then asks for it beside the job's first batches rather than before them
     */
    default boolean totalTakesARead() {
        return false;
    }

    /**
     * Does the batch after {@code batch.checkpoint()} and records it with {@link BatchContext#record}
     * at the point where its change commits.
     *
     * @return the recorded entry, or empty when nothing is left to do
     */
    Optional<LedgerEntry> next(BatchContext batch);

    /**
     * Finishes what a recorded batch leaves after its commit point (removing files, deleting what it
     * claimed); called after every batch, and again for a batch recorded by a worker that died.
     * Must be harmless to repeat.
     *
     * @return the entry as settled: the recorded one, or one whose counts say what settling could
     *         not do (files that could not be removed)
     */
    default LedgerEntry settle(LedgerEntry entry) {
        return entry;
    }

    /** Lets go of anything a batch under way held (items claimed for deletion) when the job stops for good. */
    default void release(BatchContext last) {
    }

    /**
     * Lets go of what a job that completed still holds. Every batch of a completed job was recorded and settled, so
     * nothing under way remains; by default the same as {@link #release}, which a work may narrow to skip looking for
     * what cannot be there (a pass over the items for claims its settled batches deleted).
     */
    default void completed(BatchContext last) {
        release(last);
    }

    @Override
    default void close() {
    }
}
