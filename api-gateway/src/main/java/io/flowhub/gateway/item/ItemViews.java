package io.flowhub.gateway.item;

import org.bson.Document;
import org.bson.types.ObjectId;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import static io.flowhub.store.item.ItemFields.*;

/** An item's document as the API shows it. */
final class ItemViews {

    private ItemViews() {
    }

    static Item of(Document document) {
        ObjectId createdBy = document.getObjectId(CREATED_BY);
        return new Item(
                document.getObjectId(ID).toHexString(),
                document.getString(NAME),
                document.getString(DESCRIPTION),
                document.getList(TAGS, String.class, List.of()),
                document.getBoolean(TEST_DATA, false),
                createdBy == null ? null : createdBy.toHexString(),
                document.getBoolean(IS_ACTIVE, true),
                instant(document.getDate(DELETED_AT)),
                document.getString(FILE_PATH),
                document.getString(RUN_ID),
                instant(document.getDate(CREATED_AT)),
                instant(document.getDate(UPDATED_AT)));
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
