package io.flowhub.events;

/** Limits of the optional {@code batch_size} a command may ask for. */
public final class BatchSize {

    /** The smallest batch a command may ask for. */
    public static final int MIN = 1;

    /**
     * The largest batch a command may ask for: as many items as one command may list. One bulk
     * write of this many documents is still one small round trip, and fewer, larger batches are
     * what lets a job over a large selection run close to a single write's speed; a smaller batch
     * buys finer progress and a quicker stop on cancel.
     */
    public static final int MAX = BulkCommand.MAX_ITEMS;

    private BatchSize() {
    }
}
