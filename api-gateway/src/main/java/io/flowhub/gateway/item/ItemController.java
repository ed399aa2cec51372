package io.flowhub.gateway.item;

import io.flowhub.gateway.system.NotFoundException;
import io.flowhub.store.ObjectIds;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

@RestController
@RequestMapping("/api/v1/items")
class ItemController {

    private final ItemStore items;

    ItemController(ItemStore items) {
        this.items = items;
    }

    @PostMapping
    ResponseEntity<ItemResponse> create(@Valid @RequestBody CreateItemRequest request) {
        Item item = items.insert(request);
        return ResponseEntity.created(URI.create("/api/v1/items/" + item.id())).body(ItemResponse.of(item));
    }

    @GetMapping("/{itemId}")
    ItemResponse get(@PathVariable String itemId) {
        return ItemResponse.of(items.find(ObjectIds.parse("item id", itemId))
                .orElseThrow(() -> new NotFoundException("Item", itemId)));
    }

    record ItemResponse(String status, Item data) {
        static ItemResponse of(Item item) {
            return new ItemResponse("success", item);
        }
    }
}
