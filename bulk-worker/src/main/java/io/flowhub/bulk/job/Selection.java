package io.flowhub.bulk.job;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import io.flowhub.events.BulkCommand;
import io.flowhub.events.SelectionFilter;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Projections.include;
import static com.mongodb.client.model.Sorts.ascending;
import static io.flowhub.store.item.ItemFields.*;

/**
 * The items a command selects, handed out a batch at a time from a resume point. A filter is
 * resolved in {@code _id} order by one query whose cursor is read a batch at a time, so a job over
 * a million items never holds them all, in memory or in a message, and reads the filter's index
 * (or, without one, the collection) once rather than once per batch. Close it when the job stops.
 */
sealed interface Selection extends AutoCloseable {

    /** @return how many items the selection holds now (for a filter, items may come and go while it runs) */
    long total();

    /** @return the next batch after {@code position}, empty when the selection is worked through */
    List<ObjectId> next(Position position, int size);

    /**
     * @return the condition that names exactly this batch's items for the write: the ids of an id
     *         list, or, for a filter, the filter within the batch's {@code _id} range — one range
     *         scan instead of a list of ids to look up one by one
     */
    Bson scopeOf(List<ObjectId> batch);

    @Override
    default void close() {
    }

    /**
     * Where a job stands in its selection.
     *
     * @param cursor      how many items it has worked through
     * @param resumeAfter the last item id worked through, for a filter
     */
    record Position(long cursor, ObjectId resumeAfter) {

        Position after(List<ObjectId> batch) {
            return new Position(cursor + batch.size(), batch.getLast());
        }
    }

    static Selection of(BulkCommand command, MongoCollection<Document> items) {
        if (command.itemIds() != null) {
            return new ById(command.itemIds().stream().map(ObjectId::new).toList());
        }
        return new ByFilter(items, toBson(command.filter()));
    }

    private static Bson toBson(SelectionFilter filter) {
        var conditions = new ArrayList<Bson>();
        if (!filter.tags().isEmpty()) {
            conditions.add(in(TAGS, filter.tags()));
        }
        if (filter.status() != null) {
            conditions.add(eq(IS_ACTIVE, filter.status().equals("active")));
        }
        if (filter.testData() != null) {
            conditions.add(eq(TEST_DATA, filter.testData()));
        }
        if (filter.createdBy() != null) {
            conditions.add(eq(CREATED_BY, new ObjectId(filter.createdBy())));
        }
        return conditions.size() == 1 ? conditions.getFirst() : and(conditions);
    }

    record ById(List<ObjectId> ids) implements Selection {

        @Override
        public long total() {
            return ids.size();
        }

        @Override
        public List<ObjectId> next(Position position, int size) {
            int from = (int) Math.min(position.cursor(), ids.size());
            return ids.subList(from, Math.min(ids.size(), from + size));
        }

        @Override
        public Bson scopeOf(List<ObjectId> batch) {
            return in(ID, batch);
        }
    }

    final class ByFilter implements Selection {

        private final MongoCollection<Document> items;
        private final Bson filter;
        private MongoCursor<Document> cursor;
        private ObjectId lastHandedOut;

        ByFilter(MongoCollection<Document> items, Bson filter) {
            this.items = items;
            this.filter = filter;
        }

        @Override
        public long total() {
            return items.countDocuments(filter);
        }

        @Override
        public List<ObjectId> next(Position position, int size) {
            if (cursor == null || !Objects.equals(position.resumeAfter(), lastHandedOut)) {
                // why: the first batch, or a caller resuming elsewhere: read on from where it stands
                close();
                Bson remaining = position.resumeAfter() == null ? filter : and(filter, gt(ID, position.resumeAfter()));
                cursor = items.find(remaining).projection(include(ID)).sort(ascending(ID)).batchSize(size).cursor();
            }
            var ids = new ArrayList<ObjectId>(size);
            while (ids.size() < size && cursor.hasNext()) {
                ids.add(cursor.next().getObjectId(ID));
            }
            if (!ids.isEmpty()) {
                lastHandedOut = ids.getLast();
            }
            return ids;
        }

        @Override
        public Bson scopeOf(List<ObjectId> batch) {
            return and(filter, gte(ID, batch.getFirst()), lte(ID, batch.getLast()));
        }

        @Override
        public void close() {
            if (cursor != null) {
                cursor.close();
                cursor = null;
            }
        }
    }
}
