package io.flowhub.events;

/** Limits of the optional {@code batch_size} a command may ask for. */
public final class BatchSize {

    /** The smallest batch a command may ask for. */
    public static final int MIN = 1;

    /** The largest batch a command may ask for: one bulk write of this many documents stays small. */
    public static final int MAX = 1_000;

    private BatchSize() {
    }
}
