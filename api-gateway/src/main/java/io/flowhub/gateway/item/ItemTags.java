package io.flowhub.gateway.item;

import io.flowhub.gateway.system.BadRequestException;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Stream;

/** Tag rules: trimmed, without repeats, at most {@link #MAX_TAGS} of at most {@link #MAX_LENGTH} characters. */
final class ItemTags {

    static final int MAX_TAGS = 20;
    static final int MAX_LENGTH = 50;

    private ItemTags() {
    }

    /** @return the union of the given tag lists, trimmed and in first-seen order, checked against the limits */
    @SafeVarargs
    static List<String> merge(List<String>... lists) {
        var merged = new LinkedHashSet<String>();
        Stream.of(lists).filter(list -> list != null).flatMap(List::stream).map(String::trim).forEach(merged::add);
        if (merged.size() > MAX_TAGS) {
            throw new BadRequestException("at most " + MAX_TAGS + " tags are allowed per item, counting the batch's tags; got "
                    + merged.size());
        }
        return List.copyOf(merged);
    }
}
