package io.flowhub.bench.chaos;

import org.bson.Document;
import org.bson.types.ObjectId;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one chaos round seeds: a user's items tagged for the round (some already soft-deleted, some
 * with files), more of the user's items under another tag, and another user's items — and which of
 * them the round's job may change, and which must come out of it byte for byte as they went in.
 */
final class ChaosData {

    static final int TARGETS = 200;
    static final int ALREADY_DELETED = 20;
    static final int TARGET_FILES = 20;

    private final ChaosStack stack;
    private final int round;
    private final ChaosRound.Shape shape;
    final ObjectId user = new ObjectId();
    final ObjectId other = new ObjectId();
    final String tag;
    final String runId;
    /** For the undo shape: the soft delete the round's job undoes, once it has run. */
    ObjectId undone;
    final List<ObjectId> targets = new ArrayList<>();
    final Set<ObjectId> activeTargets = new HashSet<>();
    final Set<ObjectId> userItems = new HashSet<>();
    final Map<ObjectId, Document> untouched = new HashMap<>();
    final Map<ObjectId, Path> files = new HashMap<>();

    ChaosData(ChaosStack stack, int round, ChaosRound.Shape shape) {
        this.stack = stack;
        this.round = round;
        this.shape = shape;
        this.tag = "chaos-" + round + "-" + user.toHexString().substring(16);
        this.runId = "chaos-run-" + round + "-" + user.toHexString().substring(16);
    }

    /** @return the items the round's job is to change or delete */
    Set<ObjectId> selection() {
        return switch (shape) {
            case BULK_IDS, BULK_FILTER, SOFT_CLEANUP, UNDO -> activeTargets;
            case TAG_CLEANUP, ADD_TAGS, RUN_CLEANUP, PLAN_APPLY -> new HashSet<>(targets);
            case ACTIVATE -> deletedTargets();
            case PURGE -> userItems;
        };
    }

    /** @return the targets that were soft-deleted before the round */
    Set<ObjectId> deletedTargets() {
        var deleted = new HashSet<>(targets);
        deleted.removeAll(activeTargets);
        return deleted;
    }

    void seed() throws Exception {
        Date now = new Date();
        stack.database.getCollection("users").insertMany(List.of(userDocument(user, now), userDocument(other, now)));
        var items = new ArrayList<Document>();
        for (int i = 0; i < TARGETS; i++) {
            var item = item(user, List.of(tag), i < ALREADY_DELETED ? now : null, now).append("run_id", runId);
            targets.add(item.getObjectId("_id"));
            if (i >= ALREADY_DELETED) {
                activeTargets.add(item.getObjectId("_id"));
            }
            if (i % (TARGETS / TARGET_FILES) == 0) {
                attachFile(item);
            }
            items.add(item);
        }
        for (int i = 0; i < 30; i++) {
            var kept = item(user, List.of("keep-" + round), null, now);
            if (i % 6 == 0) {
                attachFile(kept);
            }
            items.add(kept);
        }
        for (int i = 0; i < 60; i++) {
            var bystander = item(other, List.of("keep-" + round, "bystander"), null, now);
            if (i % 12 == 0) {
                attachFile(bystander);
            }
            items.add(bystander);
        }
        stack.database.getCollection("items").insertMany(items);
        for (Document item : items) {
            if (user.equals(item.getObjectId("created_by"))) {
                userItems.add(item.getObjectId("_id"));
            }
            if (!mayChange(item)) {
                untouched.put(item.getObjectId("_id"), item);
            }
        }
    }

    /** @return whether the round's job may change or delete this item */
    private boolean mayChange(Document item) {
        ObjectId id = item.getObjectId("_id");
        return switch (shape) {
            case PURGE -> user.equals(item.getObjectId("created_by"));
            default -> selection().contains(id);
        };
    }

    private void attachFile(Document item) throws Exception {
        String relative = "items/chaos-" + round + "/" + item.getObjectId("_id").toHexString() + ".txt";
        Path file = stack.filesRoot.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "chaos " + round);
        item.append("file_path", relative);
        files.put(item.getObjectId("_id"), file);
    }

    private static Document item(ObjectId owner, List<String> tags, Date deletedAt, Date now) {
        return new Document("_id", new ObjectId()).append("name", "chaos item").append("description", null)
                .append("tags", tags).append("test_data", true).append("created_by", owner)
                .append("is_active", deletedAt == null).append("deleted_at", deletedAt).append("created_at", now)
                .append("updated_at", now);
    }

    private static Document userDocument(ObjectId id, Date now) {
        return new Document("_id", id).append("email", "chaos-" + id.toHexString() + "@example.com")
                .append("name", "Chaos").append("password_hash", "-").append("role", "EDITOR").append("created_at", now);
    }

}
