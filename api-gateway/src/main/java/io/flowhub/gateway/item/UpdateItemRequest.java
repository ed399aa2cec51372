package io.flowhub.gateway.item;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import jakarta.validation.constraints.Pattern;

import java.util.List;
import java.util.Map;

/**
 * Body of {@code PATCH /api/v1/items/{id}}: only name, description and tags can change. Any other
 * field lands in {@code others} and the request is refused, so nothing else is ever applied.
 */
record UpdateItemRequest(
        @ItemRules.Name
        String name,
        @ItemRules.Description
        String description,
        @ItemRules.TagList
        List<@Pattern(regexp = "(?s).*\\S.*", message = "a tag must not be blank")
             @ItemRules.Tag String> tags,
        @JsonAnySetter Map<String, Object> others) {

    boolean changesNothing() {
        return name == null && description == null && tags == null;
    }
}
