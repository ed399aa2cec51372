package io.flowhub.engine.item;

import io.flowhub.store.item.ItemFields;
import io.flowhub.events.CleanupByTags;
import io.flowhub.events.SelectionFilter;
import io.flowhub.store.UserId;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.regex.Pattern;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.regex;
import static io.flowhub.store.item.ItemFields.*;

/**
 * Which items a list, a count, a bulk job or a cleanup means: one translation to a MongoDB filter,
 * with one meaning everywhere. Every given condition must hold (AND); within {@code tags}, any of
 * the tags will do.
 *
 * @param status        active, inactive, or {@code null} for both
 * @param tags          items carrying any of these tags; empty for no tag condition
 * @param testData      only test data (true), only real data (false), or {@code null} for both
 * @param createdBy     only this user's items, or {@code null}
 * @param createdBefore only items created before this, or {@code null}
 * @param text          a case-insensitive piece of the name, taken literally, or {@code null}
 * @param runId         only items created under this test run, or {@code null}
 */
public record ItemSelection(Status status, List<String> tags, Boolean testData, UserId createdBy,
                            Instant createdBefore, String text, String runId) {

    /** The items' state a selection asks for. */
    public enum Status {
        ACTIVE, INACTIVE
    }

    public ItemSelection {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** @return the selection of a bulk command's filter */
    public static ItemSelection of(SelectionFilter filter) {
        Status status = filter.status() == null ? null : Status.valueOf(filter.status().toUpperCase(java.util.Locale.ROOT));
        UserId createdBy = filter.createdBy() == null ? null : UserId.parse(filter.createdBy());
        return new ItemSelection(status, filter.tags(), filter.testData(), createdBy, null, null, filter.runId());
    }

    /** @return the selection of a test-data cleanup: its tags and flag, its user and run, created before its time */
    public static ItemSelection of(CleanupByTags command) {
        UserId user = command.userId() == null ? null : UserId.parse(command.userId());
        Boolean testData = Boolean.TRUE.equals(command.testData()) ? Boolean.TRUE : null;
        return new ItemSelection(null, command.tags(), testData, user, command.createdBefore(), null,
                command.runId());
    }

    /** @return the selection of everything created under one test run, whoever created it */
    public static ItemSelection ofRun(String runId) {
        return new ItemSelection(null, List.of(), null, null, null, null, runId);
    }

    /** @return true when nothing restricts the selection: it would mean every item */
    public boolean isEverything() {
        return status == null && tags.isEmpty() && testData == null && createdBy == null && createdBefore == null
                && (text == null || text.isBlank()) && runId == null;
    }

    public Bson toBson() {
        var conditions = new ArrayList<Bson>();
        if (status != null) {
            conditions.add(eq(IS_ACTIVE, status == Status.ACTIVE));
        }
        if (!tags.isEmpty()) {
            conditions.add(tags.size() == 1 ? eq(TAGS, tags.getFirst()) : in(TAGS, tags));
        }
        if (testData != null) {
            conditions.add(eq(TEST_DATA, testData));
        }
        if (createdBy != null) {
            conditions.add(eq(CREATED_BY, createdBy.value()));
        }
        if (createdBefore != null) {
            conditions.add(lt(CREATED_AT, Date.from(createdBefore)));
        }
        if (text != null && !text.isBlank()) {
            conditions.add(regex(NAME, Pattern.quote(text.trim()), "i"));
        }
        if (runId != null) {
            conditions.add(eq(RUN_ID, runId));
        }
        return switch (conditions.size()) {
            case 0 -> new Document();
            case 1 -> conditions.getFirst();
            default -> and(conditions);
        };
    }
}
