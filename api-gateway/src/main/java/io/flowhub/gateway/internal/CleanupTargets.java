package io.flowhub.gateway.internal;

import com.mongodb.client.MongoDatabase;
import io.flowhub.store.UserId;
import io.flowhub.store.job.Owner;
import io.flowhub.store.job.JobQueries;
import io.flowhub.store.CollectionNames;
import org.bson.types.ObjectId;
import org.springframework.stereotype.Component;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Projections.include;

/** What a cleanup call names, looked up before its job is recorded, so that an unknown target is a 404. */
@Component
class CleanupTargets {

    private final MongoDatabase database;

    CleanupTargets(MongoDatabase database) {
        this.database = database;
    }

    boolean userExists(ObjectId user) {
        return exists(CollectionNames.USERS, "_id", user);
    }

    boolean itemExists(ObjectId item) {
        return exists(CollectionNames.ITEMS, "_id", item);
    }

    /** @return whether anything but the user record names this user: items, jobs or activity */
    boolean ownsAnything(ObjectId user) {
        return exists(CollectionNames.ITEMS, "created_by", user)
                || database.getCollection(CollectionNames.JOBS).find(JobQueries.ownedBy(Owner.user(new UserId(user))))
                .projection(include("_id")).first() != null
                || exists(CollectionNames.ACTIVITY_LOGS, "user_id", user);
    }

    private boolean exists(String collection, String field, Object value) {
        return database.getCollection(collection).find(eq(field, value)).projection(include("_id")).first() != null;
    }
}
