package io.flowhub.gateway.item;

import io.flowhub.gateway.system.BadRequestException;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.regex;
import static io.flowhub.store.item.ItemFields.*;

/**
 * The filters of {@code GET /items} and {@code GET /items/count}.
 *
 * @param status    active (default), inactive or all
 * @param tags      items with any of these tags; empty for no tag filter
 * @param testData  only test data (true), only real data (false), or both (null)
 * @param createdBy only items of this user, or null
 * @param text      a case-insensitive piece of the name, or null
 */
record ItemFilter(Status status, List<String> tags, Boolean testData, ObjectId createdBy, String text) {

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
        var conditions = new ArrayList<Bson>();
        switch (status) {
            case ACTIVE -> conditions.add(eq(IS_ACTIVE, true));
            case INACTIVE -> conditions.add(eq(IS_ACTIVE, false));
            case ALL -> {
            }
        }
        if (!tags.isEmpty()) {
            conditions.add(in(TAGS, tags));
        }
        if (testData != null) {
            conditions.add(eq(TEST_DATA, testData));
        }
        if (createdBy != null) {
            conditions.add(eq(CREATED_BY, createdBy));
        }
        if (text != null && !text.isBlank()) {
            conditions.add(regex(NAME, Pattern.quote(text.trim()), "i"));
        }
        return Conditions.allOf(conditions);
    }
}
