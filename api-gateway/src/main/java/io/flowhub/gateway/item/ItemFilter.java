package io.flowhub.gateway.item;

import io.flowhub.gateway.system.BadRequestException;
import io.flowhub.store.UserId;
import io.flowhub.engine.item.ItemSelection;
import org.bson.conversions.Bson;

import java.util.List;
import java.util.Locale;

/**
 * The filters of {@code GET /items} and {@code GET /items/count}, as the request gives them; their
 * meaning is {@link ItemSelection}'s, the same as a bulk job's or a cleanup's.
 *
 * @param status    active (default), inactive or all
 * @param tags      items with any of these tags; empty for no tag filter
 * @param testData  only test data (true), only real data (false), or both (null)
 * @param createdBy only items of this user, or null
 * @param text      a case-insensitive piece of the name, or null
 * @param runId     only items created under this test run, or null
 */
record ItemFilter(Status status, List<String> tags, Boolean testData, UserId createdBy, String text, String runId) {

    enum Status {
        ACTIVE, INACTIVE, ALL;

        static Status parse(String value) {
            if (value == null || value.isBlank()) {
                return ACTIVE;
            }
            try {
                return valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new BadRequestException("status '" + value + "' is not one of active, inactive, all");
            }
        }
    }

    Bson toBson() {
        ItemSelection.Status state = switch (status) {
            case ACTIVE -> ItemSelection.Status.ACTIVE;
            case INACTIVE -> ItemSelection.Status.INACTIVE;
            case ALL -> null;
        };
        return new ItemSelection(state, tags, testData, createdBy, null, text, runId).toBson();
    }
}
