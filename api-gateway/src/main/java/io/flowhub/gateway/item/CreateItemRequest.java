package io.flowhub.gateway.item;

import jakarta.validation.constraints.NotBlank;

import java.util.List;

/** One item of {@code POST /api/v1/items} or of a batch. */
record CreateItemRequest(
        @NotBlank(message = "name is required and must not be blank")
        @ItemRules.Name
        String name,
        @ItemRules.Description
        String description,
        @ItemRules.TagList
        List<@NotBlank(message = "a tag must not be blank")
             @ItemRules.Tag String> tags,
        Boolean testData) {
}
