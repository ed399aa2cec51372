package io.flowhub.store.user;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.flowhub.store.CollectionNames;
import org.bson.Document;
import org.bson.types.ObjectId;

import java.time.Clock;
import java.util.Date;

import static com.mongodb.client.model.Filters.eq;
import static io.flowhub.store.user.UserFields.*;

/** The bootstrap ADMIN: created when missing, at start-up and after every reset; creating it twice changes nothing. */
public class AdminAccount {

    /** The password the repository ships for the bootstrap ADMIN: development and test only ({@code Secrets}). */
    public static final String DEVELOPMENT_PASSWORD = "flowhub-admin-password";

    private final MongoCollection<Document> users;
    private final Clock clock;

    public AdminAccount(MongoDatabase database, Clock clock) {
        this.users = database.getCollection(CollectionNames.USERS);
        this.clock = clock;
    }

    /** @return true when the account was created now */
    public boolean ensureExists(String email, String passwordHash) {
        String normalized = Emails.normalized(email);
        if (users.find(eq(EMAIL, normalized)).first() != null) {
            return false;
        }
        try {
            users.insertOne(new Document(ID, new ObjectId()).append(EMAIL, normalized).append(NAME, "Administrator")
                    .append(PASSWORD_HASH, passwordHash).append(ROLE, Role.ADMIN.name())
                    .append(CREATED_AT, Date.from(clock.instant())));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }
}
