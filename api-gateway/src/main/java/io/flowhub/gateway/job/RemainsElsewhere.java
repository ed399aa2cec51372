package io.flowhub.gateway.job;

import io.flowhub.engine.erasure.Receipt;
import io.flowhub.engine.Job;

import java.util.List;

/**
 * Stores outside MongoDB and the files root that may keep copies of what a finished hard delete
 * erased — the dead-letter topics, which keep raw commands until their retention — as a receipt
 * lists them beside the collections.
 */
public interface RemainsElsewhere {

    /** @return each store looked in, with what it keeps of what the job targeted and until when */
    List<Receipt.Store> of(Job job);
}
