package io.flowhub.events;

import java.util.LinkedHashSet;
import java.util.List;

/**
 * What a tag is, on an item, in a filter and in a command alike: 1 to {@value #MAX_LENGTH} characters
 * once trimmed, with no comma and no control character, at most {@value #MAX_TAGS} in one list. The
 * comma is refused because a query string lists tags with it ({@code ?tags=a,b} is two tags), so a
 * tag holding one could be stored but never asked for by name.
 */
public final class Tags {

    public static final int MAX_TAGS = 20;
    public static final int MAX_LENGTH = 50;

    private Tags() {
    }

    /**
     * @param field where the list came from, for the message
     * @param tags  the list as sent; {@code null} is an empty list
     * @return the tags trimmed and without repeats, in first-seen order
     * @throws InvalidCommandException naming the field and what to fix
     */
    public static List<String> check(String field, List<String> tags) {
        if (tags == null) {
            return List.of();
        }
        if (tags.size() > MAX_TAGS) {
            throw new InvalidCommandException(field + " lists " + tags.size() + " tags; at most " + MAX_TAGS
                    + " are allowed");
        }
        var checked = new LinkedHashSet<String>();
        for (String tag : tags) {
            checked.add(checkOne(field, tag));
        }
        return List.copyOf(checked);
    }

    /** @return the tag trimmed, or an exception that says why it is not one */
    public static String checkOne(String field, String tag) {
        if (tag == null) {
            throw new InvalidCommandException(field + " contains null: a tag is a string of 1 to " + MAX_LENGTH
                    + " characters");
        }
        String trimmed = tag.strip();
        if (trimmed.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidCommandException(field + " contains a tag with a control character (such as NUL): "
                    + "a tag is printable text");
        }
        if (trimmed.isEmpty()) {
            throw new InvalidCommandException(field + " contains a blank tag: a tag is 1 to " + MAX_LENGTH
                    + " characters, not blank");
        }
        if (trimmed.length() > MAX_LENGTH) {
            throw new InvalidCommandException(field + " contains a tag of " + trimmed.length() + " characters; at most "
                    + MAX_LENGTH + " are allowed");
        }
        if (trimmed.indexOf(',') >= 0) {
            throw new InvalidCommandException(field + " contains '" + trimmed + "': a tag cannot contain a comma, "
                    + "since ?tags=a,b in a query means two tags");
        }
        return trimmed;
    }
}
