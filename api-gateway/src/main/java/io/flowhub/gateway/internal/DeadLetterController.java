package io.flowhub.gateway.internal;

import io.flowhub.store.audit.AuditOutcome;
import io.flowhub.gateway.system.BadRequestException;
import io.flowhub.gateway.system.Envelope;
import io.flowhub.gateway.system.NotFoundException;
import io.flowhub.gateway.system.PageLimit;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The dead-letter topics of the command topics, behind {@code x-internal-key}: list what is there and
 * why, and send chosen records back to their topic. A replayed record that now succeeds counts once
 * in its job (its command id and the job's ledger see to that); one that fails again is dead-lettered
 * again with its new reason. A record whose replay would do nothing (its job finished otherwise, or is
 * gone) is not sent, and the answer says why ({@link ReplayedJobs}). Replays are audited.
 */
@RestController
@RequestMapping("/api/v1/internal/dlt")
class DeadLetterController {

    static final PageLimit LIMIT = new PageLimit(50, 500);
    static final int MAX_REPLAYED = 100;

    private final DeadLetters deadLetters;
    private final DeadLetterReplays replays;
    private final ReplayedJobs jobs;
    private final InternalAudit audit;

    DeadLetterController(DeadLetters deadLetters, DeadLetterReplays replays, ReplayedJobs jobs, InternalAudit audit) {
        this.deadLetters = deadLetters;
        this.replays = replays;
        this.jobs = jobs;
        this.audit = audit;
    }

    /** @param topic a command topic ({@code flowhub.commands.bulk}, {@code flowhub.commands.cleanup}) */
    @GetMapping("/{topic}")
    Envelope<List<DeadLetter>> list(@PathVariable String topic,
            @RequestParam(required = false) Integer limit) {
        requireKnown(topic);
        var records = deadLetters.newest(topic, LIMIT.of(limit));
        var replayed = replays.replayedAt(records.stream().map(DeadLetterController::key).toList());
        return Envelope.of(records.stream().map(record -> new DeadLetter(record.partition(), record.offset(),
                DeadLetters.text(record.key()), DeadLetters.at(record), DeadLetters.reason(record),
                DeadLetters.text(record.value()), replayed.get(key(record)))).toList());
    }

    /** Sends the named records back to {@code topic}; answers which went and which were not found. */
    @PostMapping("/{topic}/replay")
    Envelope<Void> replay(@PathVariable String topic, @RequestBody ReplayRequest request,
            HttpServletRequest http) {
        requireKnown(topic);
        if (request == null || request.records() == null || request.records().isEmpty()
                || request.records().size() > MAX_REPLAYED) {
            throw new BadRequestException("records must name 1 to " + MAX_REPLAYED
                    + " dead letters, each as {\"partition\":0,\"offset\":12}");
        }
        var call = audit.call(http, Map.of("topic", topic, "records", request.records().size()), false);
        var byPlace = deadLetters.find(topic, request.records());
        var missing = request.records().stream().filter(place -> !byPlace.containsKey(place)).distinct().toList();
        var sent = new ArrayList<ConsumerRecord<byte[], byte[]>>();
        var refused = new ArrayList<Map<String, Object>>();
        for (var record : byPlace.values()) {
            Optional<String> noOp = jobs.prepare(record);
            if (noOp.isPresent()) {
                refused.add(Map.of("partition", record.partition(), "offset", record.offset(),
                        "reason", "Not replayed: " + noOp.get()));
            } else {
                sent.add(record);
            }
        }
        deadLetters.replay(topic, sent);
        sent.forEach(record -> replays.recorded(key(record), call.caller()));
        call.record(outcome(sent.size(), refused.size(), missing.size()), null, null);
        return Envelope.success()
                .with("replayed", sent.stream().map(record -> Map.of("partition", record.partition(),
                        "offset", record.offset())).toList())
                .with("not_replayed", refused)
                .with("not_found", missing);
    }

    private static AuditOutcome outcome(int sent, int refused, int missing) {
        if (sent == 0) {
            return missing > 0 && refused == 0 ? AuditOutcome.NOTHING_FOUND : AuditOutcome.NOTHING_REPLAYED;
        }
        return refused == 0 && missing == 0 ? AuditOutcome.REPLAYED : AuditOutcome.PARTLY_REPLAYED;
    }

    private static void requireKnown(String topic) {
        if (!DeadLetters.TOPICS.contains(topic)) {
            throw new NotFoundException("Command topic", topic);
        }
    }

    private static String key(ConsumerRecord<?, ?> record) {
        return DeadLetterReplays.key(record.topic(), record.partition(), record.offset());
    }

    /** The records to replay, by their place on the dead-letter topic. */
    record ReplayRequest(List<Place> records) {
        record Place(int partition, long offset) {
        }
    }
}
