package io.flowhub.gateway.user;

import io.flowhub.store.user.Emails;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import io.flowhub.store.CollectionNames;
import io.flowhub.store.StoreException;
import io.flowhub.store.user.Role;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import static io.flowhub.store.StoreException.translated;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Sorts.ascending;
import static com.mongodb.client.model.Updates.set;
import static io.flowhub.store.user.UserFields.*;

/** Reads and writes the {@code users} collection; e-mail addresses are stored lower-case and unique. */
@Component
public class UserStore {

    private final MongoCollection<Document> users;
    private final Clock clock;

    UserStore(MongoDatabase database, Clock clock) {
        this.users = database.getCollection(CollectionNames.USERS);
        this.clock = clock;
    }

    /** @throws DuplicateEmailException when the address is taken */
    User insert(String email, String name, String passwordHash, Role role, ObjectId createdBy) {
        String normalized = Emails.normalized(email);
        Document document = new Document(ID, new ObjectId())
                .append(EMAIL, normalized)
                .append(NAME, name)
                .append(PASSWORD_HASH, passwordHash)
                .append(ROLE, role.name())
                .append(CREATED_AT, Date.from(clock.instant()));
        if (createdBy != null) {
            document.append(CREATED_BY, createdBy);
        }
        try {
            users.insertOne(document);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                throw new DuplicateEmailException(normalized);
            }
            throw new StoreException("store the user", e);
        }
        return toUser(document);
    }

    public Optional<User> findByEmail(String email) {
        return translated("read users", () -> Optional.ofNullable(users.find(eq(EMAIL, Emails.normalized(email))).first()).map(UserStore::toUser));
    }

    public Optional<User> find(ObjectId id) {
        return translated("read users", () -> Optional.ofNullable(users.find(eq(ID, id)).first()).map(UserStore::toUser));
    }

    List<User> list() {
        return translated("read users", () -> users.find().sort(ascending(EMAIL)).map(UserStore::toUser).into(new ArrayList<>()));
    }

    Optional<User> changeRole(ObjectId id, Role role) {
        return translated("read users", () -> Optional.ofNullable(users.findOneAndUpdate(eq(ID, id), set(ROLE, role.name()),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER))).map(UserStore::toUser));
    }

    private static User toUser(Document document) {
        Date created = document.getDate(CREATED_AT);
        return new User(document.getObjectId(ID), document.getString(EMAIL), document.getString(NAME),
                Role.valueOf(document.getString(ROLE)), document.getString(PASSWORD_HASH),
                created == null ? null : created.toInstant(), document.getObjectId(CREATED_BY));
    }
}
