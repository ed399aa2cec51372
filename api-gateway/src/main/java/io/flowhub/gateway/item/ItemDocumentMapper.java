package io.flowhub.gateway.item;

import org.bson.Document;
import org.bson.types.ObjectId;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import static io.flowhub.store.item.ItemFields.*;

/** Maps items to and from their MongoDB documents. */
final class ItemDocumentMapper {

    private ItemDocumentMapper() {
    }

    /** @param runId the test run the item is created under, or {@code null}: the field is then left out */
    static Document toDocument(ObjectId owner, String name, String description, List<String> tags, boolean testData,
            String runId, Instant now) {
        Date at = Date.from(now);
        var document = new Document(ID, new ObjectId())
                .append(NAME, name.trim())
                .append(DESCRIPTION, description)
                .append(TAGS, tags)
                .append(TEST_DATA, testData)
                .append(CREATED_BY, owner)
                .append(IS_ACTIVE, true)
                .append(DELETED_AT, null)
                .append(CREATED_AT, at)
                .append(UPDATED_AT, at);
        if (runId != null) {
            document.append(RUN_ID, runId);
        }
        return document;
    }

    static Item toItem(Document document) {
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
