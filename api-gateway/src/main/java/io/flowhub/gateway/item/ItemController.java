package io.flowhub.gateway.item;

import io.flowhub.events.RunIds;
import io.flowhub.events.Tags;
import io.flowhub.gateway.system.Envelope;
import io.flowhub.gateway.system.PageLimit;
import io.flowhub.gateway.user.Caller;
import io.flowhub.store.ObjectIds;
import io.flowhub.store.UserId;
import io.flowhub.store.activity.ActivityLog;
import jakarta.validation.Valid;
import org.bson.types.ObjectId;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

/** The item API. Bodies keep the seed system's envelope: {@code {"status":"success", ...}}. */
@RestController
@RequestMapping("/api/v1/items")
class ItemController {

    /** The header a test suite names its run with; what the call creates carries the run id. */
    static final String RUN_HEADER = "X-FlowHub-Run";
    static final PageLimit LIMIT = new PageLimit(50, 1_000);

    private final ItemEditor editor;
    private final ItemQueries queries;
    private final ActivityLog activity;

    ItemController(ItemEditor editor, ItemQueries queries, ActivityLog activity) {
        this.editor = editor;
        this.queries = queries;
        this.activity = activity;
    }

    @PostMapping
    ResponseEntity<Envelope<Item>> create(Caller caller, @Valid @RequestBody CreateItemRequest request,
            @RequestHeader(name = RUN_HEADER, required = false) String runId) {
        Item item = editor.create(caller, request, RunIds.checkOrNull(RUN_HEADER + " header", runId));
        return ResponseEntity.created(URI.create("/api/v1/items/" + item.id())).body(Envelope.of(item));
    }

    @PostMapping("/batch")
    ResponseEntity<Envelope<Batch>> createBatch(Caller caller, @Valid @RequestBody BatchCreateRequest request,
            @RequestHeader(name = RUN_HEADER, required = false) String runId) {
        List<Item> created = editor.createAll(caller, request.items(), request.tags(), request.testData(),
                RunIds.checkOrNull(RUN_HEADER + " header", runId));
        return ResponseEntity.status(201).body(Envelope.of(new Batch(created, created.size())));
    }

    @GetMapping
    Envelope<ItemQueries.ItemPage> list(Caller caller,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) List<String> tags,
            @RequestParam(name = "test_data", required = false) Boolean testData,
            @RequestParam(name = "created_by", required = false) String createdBy,
            @RequestParam(required = false) String q,
            @RequestParam(name = "run_id", required = false) String runId,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor) {
        var filter = filter(status, tags, testData, createdBy, q, runId);
        ObjectId after = cursor == null ? null : ObjectIds.parse("cursor", cursor);
        return Envelope.of(queries.list(caller, filter, LIMIT.of(limit), after));
    }

    @GetMapping("/count")
    Envelope<Count> count(Caller caller,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) List<String> tags,
            @RequestParam(name = "test_data", required = false) Boolean testData,
            @RequestParam(name = "created_by", required = false) String createdBy,
            @RequestParam(required = false) String q,
            @RequestParam(name = "run_id", required = false) String runId) {
        return Envelope.of(new Count(queries.count(caller, filter(status, tags, testData, createdBy, q, runId))));
    }

    @GetMapping("/{itemId}")
    Envelope<Item> get(Caller caller, @PathVariable String itemId) {
        return Envelope.of(queries.get(caller, ObjectIds.parse("item id", itemId)));
    }

    /** What happened to the item: its changes through the item API and the job batches that changed it. */
    @GetMapping("/{itemId}/activity")
    Envelope<List<ActivityLog.HistoryEntry>> activity(Caller caller, @PathVariable String itemId,
            @RequestParam(required = false) Integer limit) {
        ObjectId id = ObjectIds.parse("item id", itemId);
        queries.get(caller, id);
        return Envelope.of(activity.historyOf(id, LIMIT.of(limit)));
    }

    @PatchMapping("/{itemId}")
    Envelope<Item> update(Caller caller, @PathVariable String itemId, @Valid @RequestBody UpdateItemRequest request) {
        return Envelope.of(editor.update(caller, ObjectIds.parse("item id", itemId), request));
    }

    @DeleteMapping("/{itemId}")
    Envelope<Item> delete(Caller caller, @PathVariable String itemId) {
        return Envelope.of("Item deleted successfully",
                editor.softDelete(caller, ObjectIds.parse("item id", itemId)));
    }

    @PatchMapping("/{itemId}/activate")
    Envelope<Item> activate(Caller caller, @PathVariable String itemId) {
        return Envelope.of("Item activated successfully",
                editor.restore(caller, ObjectIds.parse("item id", itemId)));
    }

    @GetMapping("/seed-status/{userId}")
    Envelope<ItemQueries.SeedStatus> seedStatus(Caller caller, @PathVariable String userId) {
        return Envelope.of(queries.seedStatus(caller, UserId.parse(userId)));
    }

    private static ItemFilter filter(String status, List<String> tags, Boolean testData, String createdBy, String q,
            String runId) {
        return new ItemFilter(ItemFilter.Status.parse(status),
                tags == null ? List.of()
                        : Tags.check("tags", tags.stream().map(String::strip).filter(tag -> !tag.isEmpty()).toList()),
                testData, createdBy == null ? null : new UserId(ObjectIds.parse("created_by user id", createdBy)), q,
                RunIds.checkOrNull("run_id", runId));
    }

    record Batch(List<Item> items, int count) {
    }

    record Count(long count) {
    }

}
