package io.flowhub.gateway.item;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import java.util.List;

/**
 * Body of {@code POST /api/v1/items/batch}: the top-level {@code tags} are added to every item's
 * own, and {@code test_data}, when given, applies to all.
 */
record BatchCreateRequest(
        @NotEmpty(message = "items must list at least one item") List<@NotNull(message = "items must not contain null: each entry is an item object") @Valid CreateItemRequest> items,
        @ItemRules.TagList
        List<@ItemRules.Tag String> tags,
        Boolean testData) {

    static final int MAX_ITEMS = 1_000;
}
