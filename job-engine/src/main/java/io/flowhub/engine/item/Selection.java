package io.flowhub.engine.item;

import io.flowhub.store.item.ItemFields;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import io.flowhub.store.JobId;
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
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Projections.include;
import static com.mongodb.client.model.Sorts.ascending;
import static io.flowhub.store.item.ItemFields.*;

/**
 * The items a job selects, handed out a batch at a time from a resume point. A filter is resolved
 * in {@code _id} order by one query whose cursor is read a batch at a time, so a job over a million
 * items never holds them all, in memory or in a message, and reads the filter's index (or, without
 * one, the collection) once rather than once per batch. Close it when the job stops.
 */
public sealed interface Selection extends AutoCloseable {

    /**
     * @return how many items the selection holds now, those before {@code from} taken as its cursor says (for a filter,
     *         items may come and go while it runs)
     */
    long total(Position from);

    /** @return true when {@link #total} reads the items (a filter's count) */
    boolean totalTakesARead();

    /** @return the next batch after {@code position}, empty when the selection is worked through */
    List<ObjectId> next(Position position, int size);

    /**
     * @return the condition that names this batch's items for the write: the ids of an id list, or,
     *         for a filter, the filter within the batch's {@code _id} range — one range scan instead
     *         of a list of ids to look up one by one
     */
    Bson scopeOf(List<ObjectId> batch);

    /** @return true when the write's scope may hold items the batch did not list (a filter's range) */
    boolean scopeMayHoldMore();

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
    }

    static Selection byIds(List<ObjectId> ids) {
        return new ById(ids);
    }

    /**
     * @param jobId the job whose items it changed already are selected too, so that a job resumed
     *              after a batch it wrote but did not record finds that batch's items, which may no
     *              longer match the filter, and counts them; {@code null} for the filter alone
     */
    static Selection byFilter(MongoCollection<Document> items, Bson filter, JobId jobId) {
        return new ByFilter(items, filter, jobId);
    }

    record ById(List<ObjectId> ids) implements Selection {

        @Override
        public long total(Position from) {
            return ids.size();
        }

        @Override
        public boolean totalTakesARead() {
            return false;
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

        @Override
        public boolean scopeMayHoldMore() {
            return false;
        }
    }

    final class ByFilter implements Selection {

        private final MongoCollection<Document> items;
        private final Bson filter;
        private final Bson filterOrChanged;
        private MongoCursor<Document> cursor;
        private ObjectId lastHandedOut;

        ByFilter(MongoCollection<Document> items, Bson filter, JobId jobId) {
            this.items = items;
            this.filter = filter;
            this.filterOrChanged = jobId == null ? filter : or(filter, eq(LAST_JOB_ID, jobId.value()));
        }

        @Override
        public long total(Position from) {
            return from.resumeAfter() == null ? items.countDocuments(filter)
                    : from.cursor() + items.countDocuments(and(filter, gt(ID, from.resumeAfter())));
        }

        @Override
        public boolean totalTakesARead() {
            return true;
        }

        @Override
        public List<ObjectId> next(Position position, int size) {
            if (cursor == null || !Objects.equals(position.resumeAfter(), lastHandedOut)) {
                // why: the first batch, or a caller resuming elsewhere: read on from where it stands
                close();
                Bson remaining = position.resumeAfter() == null ? filterOrChanged
                        : and(filterOrChanged, gt(ID, position.resumeAfter()));
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
        public boolean scopeMayHoldMore() {
            return true;
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
