package io.flowhub.engine;

import org.bson.types.ObjectId;

import java.util.List;

/**
 * One tag a batch of a tag job really added to (or removed from) items: those that did not carry it
 * before (or did), so that an undo takes away (or gives back) exactly that tag on exactly those items.
 *
 * @param tag     the tag
 * @param itemIds the items it was added to or removed from
 */
public record TagChange(String tag, List<ObjectId> itemIds) {

    public TagChange {
        itemIds = List.copyOf(itemIds);
    }
}
