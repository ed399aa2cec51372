package io.flowhub.gateway.item;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/** One item of {@code POST /api/v1/items} or of a batch. */
record CreateItemRequest(
        @NotBlank(message = "name is required and must not be blank")
        @Pattern(regexp = ItemTexts.VISIBLE, message = "name must contain a visible character, not only blanks or control characters")
        @Size(max = 200, message = "name must be at most 200 characters")
        String name,
        @Size(max = 2_000, message = "description must be at most 2000 characters")
        String description,
        @Size(max = ItemTags.MAX_TAGS, message = "at most 20 tags are allowed")
        List<@NotBlank(message = "a tag must not be blank")
             @Size(max = ItemTags.MAX_LENGTH, message = "a tag must be at most 50 characters") String> tags,
        Boolean testData) {
}
