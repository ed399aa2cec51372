package io.flowhub.gateway.internal;

import io.flowhub.store.otp.SentCodes;
import io.flowhub.store.audit.AuditOutcome;
import io.flowhub.gateway.system.Envelope;
import io.flowhub.gateway.system.NotFoundException;
import io.flowhub.gateway.system.PageLimit;
import io.flowhub.store.audit.AuditLog;
import io.flowhub.store.user.Pseudonyms;
import jakarta.servlet.http.HttpServletRequest;
import org.bson.Document;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a test suite reads behind {@code x-internal-key}: the latest one-time code sent to an address
 * (so a test signs in without a mailbox) and the audit log of internal calls. Both reads are audited.
 */
@RestController
@RequestMapping("/api/v1/internal")
class InternalController {

    static final PageLimit AUDIT_LIMIT = new PageLimit(100, 1_000);

    private final SentCodes otps;
    private final AuditLog auditLog;
    private final InternalAudit audit;

    InternalController(SentCodes otps, AuditLog auditLog, InternalAudit audit) {
        this.otps = otps;
        this.auditLog = auditLog;
        this.audit = audit;
    }

    @GetMapping("/otps/latest")
    Envelope<LatestCode> latestOtp(@RequestParam String email, HttpServletRequest request) {
        // why: the audit outlives a purge of the user, so it names the address by its pseudonym only
        var call = audit.call(request, Map.of("email_pseudonym", Pseudonyms.email(email)), false);
        SentCodes.SentCode latest = otps.latest(email).orElseThrow(() -> call.audited(
                new NotFoundException("One-time code for", email), AuditOutcome.NOT_FOUND));
        call.record(AuditOutcome.ALLOWED, null, null);
        return Envelope.of(new LatestCode(latest.email(), latest.code(), latest.expiresAt()));
    }

    @GetMapping("/audit")
    Envelope<List<Document>> auditLog(@RequestParam(required = false) Integer limit, HttpServletRequest request) {
        int count = AUDIT_LIMIT.of(limit);
        audit.call(request, Map.of("limit", count), false).record(AuditOutcome.ALLOWED, null, null);
        return Envelope.of(auditLog.newest(count).stream().map(entry -> {
            entry.put("_id", entry.getObjectId("_id").toHexString());
            return entry;
        }).toList());
    }

    /** The latest one-time code sent to an address. */
    record LatestCode(String email, String code, Instant expiresAt) {
    }
}
