package io.flowhub.gateway.limit;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import org.bson.Document;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Filters.regex;
import static com.mongodb.client.model.Updates.set;

/**
 * A limit of "at most N at once" that holds across every gateway instance: a scope (one owner's
 * cleanup jobs, one caller's event streams) has N numbered slots, each a document whose {@code _id}
 * is the scope and the number, so taking a slot is one insert that only one instance can win. A slot
 * whose holder is done (its job finished, its stream's lease lapsed) is taken back by the next caller
 * with one delete that names that holder, so two callers never both take it back.
 *
 * <p>Documents: {@code _id} ("scope#N"), {@code holder}, {@code taken_at}, {@code expires_at} (when
 * the holder stops renewing, or never for holders that end on their own).
 */
public final class Slots {

    /** One slot taken, to be given back with {@link #release(Slot)}. */
    public record Slot(String id, String holder) {
    }

    /** A slot as another holder has it, for the caller's judgement whether that holder is done. */
    public record Taken(String holder, Instant takenAt, Instant expiresAt) {
    }

    private static final int ATTEMPTS = 5;

    private final MongoCollection<Document> slots;
    private final Clock clock;

    public Slots(MongoCollection<Document> slots, Clock clock) {
        this.slots = slots;
        this.clock = clock;
    }

    /**
     * Takes a free slot of the scope, or one whose holder {@code done} says is done.
     *
     * @param capacity  how many slots the scope has
     * @param expiresAt when the slot lapses unless renewed; {@code null} for never
     * @param done      tells, for the holders of all taken slots at once, which are done
     * @return the slot, or empty when every slot is held by a holder that is not done
     */
    public Optional<Slot> take(String scope, int capacity, String holder, Instant expiresAt, DoneHolders done) {
        // why: each lost insert is a slot another caller took, so within capacity more tries the scope is full or ours
        for (int attempt = 0; attempt < capacity + ATTEMPTS; attempt++) {
            List<Document> held = slots.find(regex("_id", "^" + Pattern.quote(scope + "#"))).into(new ArrayList<>());
            var numbers = new HashSet<Integer>();
            var taken = new ArrayList<Taken>();
            for (Document slot : held) {
                numbers.add(number(slot.getString("_id")));
                taken.add(taken(slot));
            }
            Optional<Integer> free = IntStream.range(0, capacity).boxed().filter(n -> !numbers.contains(n)).findFirst();
            if (free.isEmpty()) {
                // why: slots are taken back only when all are held, so the common case is one read and one insert;
                // then every slot whose holder is done goes at once
                Set<String> over = done.of(taken, clock.instant());
                List<Document> reusable = held.stream().filter(slot -> over.contains(slot.getString("holder"))).toList();
                if (reusable.isEmpty()) {
                    return Optional.empty();
                }
                slots.deleteMany(or(reusable.stream()
                        .map(slot -> and(eq("_id", slot.getString("_id")), eq("holder", slot.getString("holder"))))
                        .toList()));
                continue;
            }
            String id = scope + "#" + free.get();
            if (inserted(id, holder, expiresAt)) {
                return Optional.of(new Slot(id, holder));
            }
        }
        return Optional.empty();
    }

    /** Gives the slot back; harmless when it was already taken back. */
    public void release(Slot slot) {
        slots.deleteOne(and(eq("_id", slot.id()), eq("holder", slot.holder())));
    }

    /** Moves the lapse of the caller's own slots on. */
    public void renew(Collection<Slot> held, Instant expiresAt) {
        if (held.isEmpty()) {
            return;
        }
        slots.updateMany(or(held.stream().map(slot -> and(eq("_id", slot.id()), eq("holder", slot.holder()))).toList()),
                set("expires_at", Date.from(expiresAt)));
    }

    private boolean inserted(String id, String holder, Instant expiresAt) {
        Document slot = new Document("_id", id).append("holder", holder).append("taken_at", Date.from(clock.instant()));
        if (expiresAt != null) {
            slot.append("expires_at", Date.from(expiresAt));
        }
        try {
            slots.insertOne(slot);
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    private static Taken taken(Document slot) {
        Date expires = slot.getDate("expires_at");
        return new Taken(slot.getString("holder"), slot.getDate("taken_at").toInstant(),
                expires == null ? null : expires.toInstant());
    }

    private static int number(String id) {
        return Integer.parseInt(id.substring(id.lastIndexOf('#') + 1));
    }

    /** Which holders of taken slots are done with them. */
    @FunctionalInterface
    public interface DoneHolders {
        Set<String> of(Collection<Taken> taken, Instant now);
    }
}
