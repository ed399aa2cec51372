package io.flowhub.bulk.tags;

import io.flowhub.store.item.ItemOperation;
import org.bson.Document;

import java.util.HashSet;
import java.util.List;

import static io.flowhub.store.item.ItemFields.TAGS;

/**
 * What adding and removing tags share: the tags, and which of them a write really changes on an
 * item, so that a batch's ledger entry says so and an undo reverses exactly that.
 */
abstract sealed class TagOperation implements ItemOperation permits AddTagsOperation, RemoveTagsOperation {

    protected final List<String> tags;

    TagOperation(List<String> tags) {
        this.tags = List.copyOf(tags);
    }

    /** @return true when the write changes a tag on an item that has it ({@code had}), or does not */
    abstract boolean changes(boolean had);

    @Override
    public final boolean changesTags() {
        return true;
    }

    @Override
    public final List<String> tagsChangedOn(Document item) {
        if (item == null) {
            return tags;
        }
        var had = new HashSet<>(item.getList(TAGS, String.class, List.of()));
        return tags.stream().filter(tag -> changes(had.contains(tag))).toList();
    }
}
