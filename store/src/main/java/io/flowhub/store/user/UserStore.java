package io.flowhub.store.user;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import io.flowhub.store.CollectionNames;
import io.flowhub.store.StoreException;
import org.bson.Document;
import org.bson.types.ObjectId;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Sorts.ascending;
import static com.mongodb.client.model.Updates.set;
import static io.flowhub.store.StoreException.translated;
import static io.flowhub.store.user.UserFields.EMAIL;
import static io.flowhub.store.user.UserFields.ID;
import static io.flowhub.store.user.UserFields.ROLE;

/** Reads and writes the {@code users} collection; e-mail addresses are stored normalised and unique. */
public class UserStore {

    private final MongoCollection<Document> users;
    private final Clock clock;

    public UserStore(MongoDatabase database, Clock clock) {
        this.users = database.getCollection(CollectionNames.USERS);
        this.clock = clock;
    }

    /**
     * @param createdBy the account that opens this one for someone, or {@code null} when its holder registers
     * @throws EmailTakenException when the address is taken
     */
    public User insert(String email, String name, String passwordHash, Role role, ObjectId createdBy) {
        return insert(email, name, passwordHash, role, createdBy, null);
    }

    /**
     * @param runId the test run the user belongs to, whose cleanup removes it, or {@code null}
     * @throws EmailTakenException when the address is taken
     */
    public User insert(String email, String name, String passwordHash, Role role, ObjectId createdBy, String runId) {
        var user = new User(new ObjectId(), Emails.normalized(email), name, role, passwordHash, clock.instant(),
                createdBy, runId);
        try {
            users.insertOne(UserDocumentMapper.toDocument(user));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                throw new EmailTakenException(user.email());
            }
            throw new StoreException("store the user", e);
        }
        return user;
    }

    public Optional<User> findByEmail(String email) {
        return translated("read users", () -> Optional.ofNullable(users.find(eq(EMAIL, Emails.normalized(email))).first())
                .map(UserDocumentMapper::toUser));
    }

    public Optional<User> find(ObjectId id) {
        return translated("read users", () -> Optional.ofNullable(users.find(eq(ID, id)).first())
                .map(UserDocumentMapper::toUser));
    }

    /** @return every user, by e-mail address */
    public List<User> list() {
        return translated("read users", () -> users.find().sort(ascending(EMAIL)).map(UserDocumentMapper::toUser)
                .into(new ArrayList<>()));
    }

    public Optional<User> changeRole(ObjectId id, Role role) {
        return translated("change a user's role", () -> Optional.ofNullable(users.findOneAndUpdate(eq(ID, id),
                        set(ROLE, role.name()), new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)))
                .map(UserDocumentMapper::toUser));
    }
}
