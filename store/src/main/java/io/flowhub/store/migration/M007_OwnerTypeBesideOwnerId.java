package io.flowhub.store.migration;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.flowhub.store.CollectionNames;
import org.bson.Document;

import java.util.ArrayList;
import java.util.regex.Pattern;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Filters.regex;
import static com.mongodb.client.model.Indexes.ascending;
import static com.mongodb.client.model.Indexes.compoundIndex;
import static com.mongodb.client.model.Indexes.descending;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.set;
import static com.mongodb.client.model.Updates.unset;

/**
 * A job's {@code owner_id} held three kinds of thing: a user's id, {@code key:<fingerprint>} for a
 * caller of the internal API, {@code schedule} for the worker's own jobs. It now holds the id alone,
 * with {@code owner_type} ({@code user}, {@code key}, {@code schedule}) beside it. Every write is
 * limited to documents without {@code owner_type}, so running this again changes nothing.
 */
class M007_OwnerTypeBesideOwnerId implements Migration {

    @Override
    public String id() {
        return "M007_OwnerTypeBesideOwnerId";
    }

    @Override
    public void apply(MongoDatabase database) {
        MongoCollection<Document> jobs = database.getCollection(CollectionNames.JOBS);
        var untyped = exists("owner_type", false);
        // why: one updateMany per key, since stripping the prefix needs the value (there are a handful of keys)
        for (String keyed : jobs.distinct("owner_id", and(untyped, regex("owner_id", "^" + Pattern.quote("key:"))),
                String.class).into(new ArrayList<>())) {
            jobs.updateMany(and(untyped, eq("owner_id", keyed)),
                    combine(set("owner_type", "key"), set("owner_id", keyed.substring("key:".length()))));
        }
        jobs.updateMany(and(untyped, eq("owner_id", "schedule")), combine(set("owner_type", "schedule"), unset("owner_id")));
        jobs.updateMany(and(untyped, exists("owner_id"), ne("owner_id", null)), set("owner_type", "user"));
        jobs.createIndex(compoundIndex(ascending("owner_type"), ascending("owner_id"), descending("created_at")));
    }
}
