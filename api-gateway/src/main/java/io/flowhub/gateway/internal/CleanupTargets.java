package io.flowhub.gateway.internal;

import com.mongodb.client.MongoDatabase;
import io.flowhub.store.UserId;
import io.flowhub.engine.Owner;
import io.flowhub.engine.JobQueries;
import io.flowhub.store.CollectionNames;
import org.bson.conversions.Bson;
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
        return exists(CollectionNames.USERS, eq("_id", user));
    }

    boolean itemExists(ObjectId item) {
        return exists(CollectionNames.ITEMS, eq("_id", item));
    }

    /** @return whether anything but the user record names this user: items, jobs or activity */
    boolean ownsAnything(ObjectId user) {
        return exists(CollectionNames.ITEMS, eq("created_by", user))
                || exists(CollectionNames.JOBS, JobQueries.ownedBy(Owner.user(new UserId(user))))
                || exists(CollectionNames.ACTIVITY_LOGS, eq("user_id", user));
    }

    private boolean exists(String collection, Bson filter) {
        return database.getCollection(collection).find(filter).projection(include("_id")).first() != null;
    }
}
