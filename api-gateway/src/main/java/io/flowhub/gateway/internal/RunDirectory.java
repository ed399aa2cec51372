package io.flowhub.gateway.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.flowhub.store.CollectionNames;
import io.flowhub.store.item.ItemFields;
import io.flowhub.store.run.RunLeases;
import io.flowhub.store.run.RunLeases.Lease;
import io.flowhub.store.user.UserFields;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Projections.include;
import static com.mongodb.client.model.Sorts.ascending;
import static com.mongodb.client.model.Sorts.descending;
import static io.flowhub.store.StoreException.translated;

/**
 * The runs that exist: every run with a lease, and every run id items or users carry (a run made without a
 * lease is one too), with what each holds now.
 */
@Component
class RunDirectory {

    /** One run as {@code GET /internal/runs} shows it; {@code expires_at} only for a run with a lease. */
    record RunView(String runId, long items, long users, long files, Instant createdAt, Instant lastActivityAt,
                   @JsonInclude(JsonInclude.Include.NON_NULL) Instant expiresAt) {
    }

    private final RunLeases leases;
    private final MongoCollection<Document> items;
    private final MongoCollection<Document> users;

    RunDirectory(RunLeases leases, MongoDatabase database) {
        this.leases = leases;
        this.items = database.getCollection(CollectionNames.ITEMS);
        this.users = database.getCollection(CollectionNames.USERS);
    }

    /** @return every run, by run id */
    List<RunView> list() {
        Map<String, Lease> runs = new TreeMap<>();
        leases.list().forEach(lease -> runs.put(lease.runId(), lease));
        translated("list the runs", () -> {
            items.distinct(ItemFields.RUN_ID, ne(ItemFields.RUN_ID, null), String.class)
                    .forEach(run -> runs.putIfAbsent(run, null));
            users.distinct(UserFields.RUN_ID, ne(UserFields.RUN_ID, null), String.class)
                    .forEach(run -> runs.putIfAbsent(run, null));
            return null;
        });
        var views = new ArrayList<RunView>();
        runs.forEach((run, lease) -> views.add(view(run, lease)));
        return views;
    }

    /** @return the run, or empty when it has no lease and nothing carries its id */
    Optional<RunView> find(String runId) {
        RunView view = view(runId, leases.find(runId).orElse(null));
        return view.expiresAt() == null && view.items() == 0 && view.users() == 0 ? Optional.empty()
                : Optional.of(view);
    }

    RunView view(String runId, Lease lease) {
        return translated("read run " + runId, () -> {
            long itemCount = items.countDocuments(eq(ItemFields.RUN_ID, runId));
            long userCount = users.countDocuments(eq(UserFields.RUN_ID, runId));
            long files = items.countDocuments(and(eq(ItemFields.RUN_ID, runId), ne(ItemFields.FILE_PATH, null)));
            Instant created = lease != null ? lease.createdAt() : itemTime(runId, ItemFields.CREATED_AT, true);
            Instant active = lease != null ? lease.lastActivityAt() : itemTime(runId, ItemFields.UPDATED_AT, false);
            return new RunView(runId, itemCount, userCount, files, created, active,
                    lease == null ? null : lease.expiresAt());
        });
    }

    private Instant itemTime(String runId, String field, boolean earliest) {
        Document item = items.find(eq(ItemFields.RUN_ID, runId)).projection(include(field))
                .sort(earliest ? ascending(field) : descending(field)).first();
        Date at = item == null ? null : item.getDate(field);
        return at == null ? null : at.toInstant();
    }
}
