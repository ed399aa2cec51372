package io.flowhub.engine;

/** One item a job could not change, and why. A job keeps the first {@link #KEPT} of them. */
public record JobError(String itemId, String reason) {

    public static final int KEPT = 100;
}
