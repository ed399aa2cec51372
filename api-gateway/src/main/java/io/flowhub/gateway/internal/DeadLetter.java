package io.flowhub.gateway.internal;

import java.time.Instant;

/**
 * A record on a dead-letter topic, as the internal API lists it.
 *
 * @param partition  its partition (the source record's)
 * @param offset     its offset on the dead-letter topic
 * @param key        its key, as received
 * @param at         when it was dead-lettered
 * @param reason     why ({@code x-flowhub-dlt-reason})
 * @param value      the record as text, cut at {@link DeadLetters#SHOWN_CHARACTERS} characters
 * @param replayedAt when it was last sent back to its topic, or {@code null}
 */
public record DeadLetter(int partition, long offset, String key, Instant at, String reason, String value,
                         Instant replayedAt) {
}
