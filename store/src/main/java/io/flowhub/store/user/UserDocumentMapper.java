package io.flowhub.store.user;

import org.bson.Document;

import java.util.Date;

import static io.flowhub.store.user.UserFields.*;

/** Maps users to and from their documents in the {@code users} collection. */
final class UserDocumentMapper {

    private UserDocumentMapper() {
    }

    static Document toDocument(User user) {
        Document document = new Document(ID, user.objectId())
                .append(EMAIL, user.email())
                .append(NAME, user.name())
                .append(PASSWORD_HASH, user.passwordHash())
                .append(ROLE, user.role().name())
                .append(CREATED_AT, Date.from(user.createdAt()));
        if (user.createdBy() != null) {
            // why: absent, not null, for an account its holder registered
            document.append(CREATED_BY, user.createdBy());
        }
        if (user.runId() != null) {
            document.append(RUN_ID, user.runId());
        }
        return document;
    }

    static User toUser(Document document) {
        Date created = document.getDate(CREATED_AT);
        return new User(document.getObjectId(ID), document.getString(EMAIL), document.getString(NAME),
                Role.valueOf(document.getString(ROLE)), document.getString(PASSWORD_HASH),
                created == null ? null : created.toInstant(), document.getObjectId(CREATED_BY),
                document.getString(RUN_ID));
    }
}
