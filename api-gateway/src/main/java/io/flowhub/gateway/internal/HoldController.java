package io.flowhub.gateway.internal;

import io.flowhub.store.audit.AuditOutcome;
import io.flowhub.events.Tags;
import io.flowhub.gateway.system.BadRequestException;
import io.flowhub.gateway.system.Envelope;
import io.flowhub.gateway.system.NotFoundException;
import io.flowhub.store.ObjectIds;
import io.flowhub.engine.item.Holds;
import io.flowhub.engine.item.Holds.Hold;
import jakarta.servlet.http.HttpServletRequest;
import org.bson.types.ObjectId;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Holds on items, behind {@code x-internal-key} and audited: {@code POST} puts one on items by ids, by
 * tag or by user with a reason, {@code GET} lists them, {@code DELETE} releases one. Every destructive
 * path leaves held items alone and counts them as {@code held}; a reset refuses while any hold exists.
 */
@RestController
@RequestMapping("/api/v1/internal/holds")
class HoldController {

    static final int MAX_REASON = 500;

    private final Holds holds;
    private final InternalAudit audit;

    HoldController(Holds holds, InternalAudit audit) {
        this.holds = holds;
        this.audit = audit;
    }

    /** Body of {@code POST /internal/holds}: exactly one of {@code item_ids}, {@code tags}, {@code user_id}, and why. */
    record HoldRequest(List<String> itemIds, List<String> tags, String userId, String reason) {
    }

    /** A hold as the API shows it. */
    record HoldView(String holdId, List<String> itemIds, List<String> tags, String userId, String reason,
                    String createdBy, Instant createdAt) {

        static HoldView of(Hold hold) {
            return new HoldView(hold.id().toHexString(), hold.itemIds().stream().map(ObjectId::toHexString).toList(),
                    hold.tags(), hold.userId() == null ? null : hold.userId().toHexString(), hold.reason(),
                    hold.createdBy(), hold.createdAt());
        }
    }

    @PostMapping
    ResponseEntity<Envelope<HoldView>> put(@RequestBody(required = false) HoldRequest body, HttpServletRequest request) {
        var given = body == null ? new HoldRequest(null, null, null, null) : body;
        var params = new LinkedHashMap<String, Object>();
        params.put("item_ids", given.itemIds() == null ? null : given.itemIds().size());
        params.put("tags", given.tags());
        params.put("user_id", given.userId());
        params.put("reason", given.reason());
        var call = audit.call(request, params, false);
        Hold hold;
        try {
            hold = holds.put(itemIds(given), given.tags() == null ? List.of() : Tags.check("tags", given.tags()),
                    given.userId() == null ? null : ObjectIds.parse("user_id", given.userId()), reason(given),
                    call.caller());
        } catch (RuntimeException e) {
            throw call.audited(e, AuditOutcome.INVALID);
        }
        call.record(AuditOutcome.ALLOWED, null, null);
        return ResponseEntity.created(URI.create("/api/v1/internal/holds/" + hold.id().toHexString()))
                .body(Envelope.of(HoldView.of(hold)));
    }

    @GetMapping
    Envelope<List<HoldView>> list(HttpServletRequest request) {
        audit.call(request, Map.of(), false).record(AuditOutcome.ALLOWED, null, null);
        return Envelope.of(holds.list().stream().map(HoldView::of).toList());
    }

    @DeleteMapping("/{holdId}")
    Envelope<Map<String, Object>> release(@PathVariable String holdId, HttpServletRequest request) {
        ObjectId id = ObjectIds.parse("hold id", holdId);
        var call = audit.call(request, Map.of("hold_id", holdId), false);
        if (!holds.release(id)) {
            throw call.audited(new NotFoundException("Hold", holdId), AuditOutcome.NOT_FOUND);
        }
        call.record(AuditOutcome.ALLOWED, null, null);
        return Envelope.of(Map.of("hold_id", holdId, "released", true));
    }

    private static List<ObjectId> itemIds(HoldRequest given) {
        int kinds = (given.itemIds() == null ? 0 : 1) + (given.tags() == null ? 0 : 1) + (given.userId() == null ? 0 : 1);
        if (kinds != 1) {
            throw new BadRequestException("A hold names exactly one of item_ids, tags or user_id (this one names " + kinds
                    + "); put one hold for each");
        }
        if (given.tags() != null && given.tags().isEmpty()) {
            throw new BadRequestException("tags: name 1 to " + Tags.MAX_TAGS + " tags whose items to hold");
        }
        if (given.itemIds() == null) {
            return List.of();
        }
        if (given.itemIds().isEmpty() || given.itemIds().size() > Holds.MAX_ITEM_IDS) {
            throw new BadRequestException("item_ids: 1 to " + Holds.MAX_ITEM_IDS + " ids, not " + given.itemIds().size());
        }
        return given.itemIds().stream().map(id -> ObjectIds.parse("item_ids entry", id)).toList();
    }

    private static String reason(HoldRequest given) {
        String reason = given.reason() == null ? "" : given.reason().strip();
        if (reason.isEmpty() || reason.length() > MAX_REASON || reason.chars().anyMatch(Character::isISOControl)) {
            throw new BadRequestException("reason is required: 1 to " + MAX_REASON + " characters without control"
                    + " characters, saying why the items must stay");
        }
        return reason;
    }
}
