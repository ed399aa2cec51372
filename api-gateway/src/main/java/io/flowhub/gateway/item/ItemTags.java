package io.flowhub.gateway.item;

import io.flowhub.events.Tags;
import io.flowhub.gateway.system.BadRequestException;

import java.util.LinkedHashSet;
import java.util.List;

/** An item's tags: each one a {@link Tags} tag, trimmed, without repeats, at most {@link #Tags.MAX_TAGS} on an item. */
final class ItemTags {


    private ItemTags() {
    }

    /** @return the union of the given tag lists, trimmed and in first-seen order, checked against the limits */
    @SafeVarargs
    static List<String> merge(List<String>... lists) {
        var merged = new LinkedHashSet<String>();
        for (List<String> list : lists) {
            if (list != null) {
                list.forEach(tag -> merged.add(Tags.checkOne("tags", tag)));
            }
        }
        if (merged.size() > Tags.MAX_TAGS) {
            throw new BadRequestException("at most " + Tags.MAX_TAGS + " tags are allowed per item, counting the batch's tags; got "
                    + merged.size());
        }
        return List.copyOf(merged);
    }
}
