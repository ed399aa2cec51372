package io.flowhub.gateway.item;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.Map;

/**
 * Body of {@code PATCH /api/v1/items/{id}}: only name, description and tags can change. Any other
 * field lands in {@code others} and the request is refused, so nothing else is ever applied.
 */
record UpdateItemRequest(
        @Pattern(regexp = ItemTexts.VISIBLE, message = "name must contain a visible character, not only blanks or control characters")
        @Size(max = 200, message = "name must be at most 200 characters")
        String name,
        @Size(max = 2_000, message = "description must be at most 2000 characters")
        String description,
        @Size(max = ItemTags.MAX_TAGS, message = "at most 20 tags are allowed")
        List<@Pattern(regexp = "(?s).*\\S.*", message = "a tag must not be blank")
             @Size(max = ItemTags.MAX_LENGTH, message = "a tag must be at most 50 characters") String> tags,
        @JsonAnySetter Map<String, Object> others) {

    boolean changesNothing() {
        return name == null && description == null && tags == null;
    }
}
