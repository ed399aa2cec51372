package io.flowhub.store.migration;

import com.mongodb.client.MongoDatabase;

/** One numbered change to the database's shape. Applying it twice must leave the same result. */
interface Migration {

    /** @return a stable id, numbered so that migrations sort in the order they apply: {@code M001_...} */
    String id();

    void apply(MongoDatabase database);
}
