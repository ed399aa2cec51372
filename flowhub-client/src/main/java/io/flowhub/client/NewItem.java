package io.flowhub.client;

import java.util.List;

/**
 * An item to create.
 *
 * @param name        1 to 200 characters
 * @param description optional
 * @param tags        at most 20, each 1 to 50 characters without a comma
 * @param testData    whether it is test data
 */
public record NewItem(String name, String description, List<String> tags, boolean testData) {

    public NewItem {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** @return an item with this name, no description, no tags, flagged as test data */
    public static NewItem named(String name) {
        return new NewItem(name, null, List.of(), true);
    }

    public NewItem withTags(String... more) {
        return new NewItem(name, description, List.of(more), testData);
    }
}
