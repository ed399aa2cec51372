package io.flowhub.store.item;

import org.bson.Document;
import org.bson.types.ObjectId;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import static io.flowhub.store.item.ItemFields.*;

/** The document of a new item, as the {@code items} collection keeps it; the API's view of one is the gateway's. */
public final class ItemDocumentMapper {

    private ItemDocumentMapper() {
    }

    /** @param runId the test run the item is created under, or {@code null}: the field is then left out */
    public static Document toDocument(ObjectId owner, String name, String description, List<String> tags, boolean testData,
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
}
