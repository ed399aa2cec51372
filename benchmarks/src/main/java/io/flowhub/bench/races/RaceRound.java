package io.flowhub.bench.races;

import org.bson.Document;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.nin;

/**
 * One round: a seeded random schedule of concurrent operations on one user's items over both gateways — the same
 * request with one key, other keyed jobs over overlapping items, a cancel racing the job's end, one job undone twice
 * at once, a plan applied twice at once or a run cleanup against a bulk job on the run's items, sometimes a purge of
 * the user while its jobs run, a dead letter replayed twice at once, item edits throughout — then the checks of
 * {@link RaceChecks} on what every call answered, the jobs, their ledgers and the items.
 */
final class RaceRound {

    /** The races a round may run; {@link #SAME_KEY}, {@link #OTHER_KEYS} and {@link #ITEM_EDITS} run in every one. */
    enum Race { SAME_KEY, OTHER_KEYS, CANCEL_VS_FINISH, UNDO_TWICE, PLAN_TWICE, RUN_VS_BULK, PURGE_WHILE_RUNNING, DLT_TWICE,
        ITEM_EDITS }

    /** What a round did and found. */
    record Outcome(int round, long seed, Set<Race> races, double seconds, List<String> violations) {

        boolean passed() {
            return violations.isEmpty();
        }
    }

    private static final Duration SETTLE = Duration.ofMinutes(3);

    private final RaceStack stack;
    private final int round;
    private final long seed;
    private final Random random;
    private final String bystanderId;
    private final List<RaceClient.Answer> history = Collections.synchronizedList(new ArrayList<>());
    private final List<RaceClient> gateways;
    private final RaceData data = new RaceData();
    private final Set<Race> races = EnumSet.of(Race.SAME_KEY, Race.OTHER_KEYS, Race.ITEM_EDITS);
    final Keyed keyed = new Keyed();

    /** What the checks need to know of the keyed calls. */
    static final class Keyed {
        volatile String sameKey;
        volatile String addTagsJob;
        volatile String dltCommandId;
    }

    /** @param seed the round's own seed: the suite's seed and the round's number make it, so a round replays alone */
    RaceRound(RaceStack stack, int round, long seed, String bystanderId) {
        this.stack = stack;
        this.round = round;
        this.seed = seed;
        this.random = new Random(seed);
        this.bystanderId = bystanderId;
        this.gateways = stack.clients(history);
    }

    Outcome run() throws Exception {
        Date began = new Date();
        long start = System.nanoTime();
        data.seed(stack, gateways.getFirst(), bystanderId);
        if (random.nextBoolean()) {
            races.add(Race.CANCEL_VS_FINISH);
        }
        if (random.nextBoolean()) {
            races.add(Race.UNDO_TWICE);
        }
        races.add(random.nextBoolean() ? Race.PLAN_TWICE : Race.RUN_VS_BULK);
        if (random.nextInt(4) == 0) {
            races.add(Race.PURGE_WHILE_RUNNING);
        }
        if (random.nextInt(5) < 2) {
            races.add(Race.DLT_TWICE);
        }
        var violations = new ArrayList<String>();
        var operations = new RaceSchedule(stack, random, data, keyed, races, gateways).operations();
        var go = new CountDownLatch(1);
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            var running = new ArrayList<Future<Void>>();
            for (Callable<Void> operation : operations) {
                running.add(executor.submit(() -> {
                    go.await();
                    return operation.call();
                }));
            }
            go.countDown();
            for (Future<Void> operation : running) {
                try {
                    operation.get(SETTLE.toSeconds(), TimeUnit.SECONDS);
                } catch (Exception e) {
                    violations.add("an operation did not finish: " + e);
                    operation.cancel(true);
                }
            }
        }
        violations.addAll(settle(began));
        violations.addAll(new RaceChecks(stack, data, keyed, history, began).check());
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Outcome(round, seed, Set.copyOf(races), seconds, List.copyOf(violations));
    }

    /** Waits for the round's jobs to end and the claims of ended jobs to go. @return what did not settle */
    private List<String> settle(Date began) throws InterruptedException {
        var unsettled = new ArrayList<String>();
        long deadline = System.nanoTime() + SETTLE.toNanos();
        // why: the job of a replayed outside command is recorded by the worker that reads it, maybe after the rest
        // ended; a purge of the round's user racing it may have deleted that job since, leaving its tombstone
        while (keyed.dltCommandId != null && stack.database.getCollection("jobs")
                .countDocuments(eq("command_id", keyed.dltCommandId)) == 0
                && stack.database.getCollection("processed_commands")
                .countDocuments(eq("command_id", keyed.dltCommandId)) == 0) {
            if (System.nanoTime() > deadline) {
                unsettled.add("the replayed dead letter's command never made its job");
                return unsettled;
            }
            Thread.sleep(100);
        }
        List<Document> open;
        while (!(open = stack.database.getCollection("jobs").find(and(gte("created_at", began),
                nin("status", List.of("completed", "failed", "cancelled")))).into(new ArrayList<>())).isEmpty()) {
            if (System.nanoTime() > deadline) {
                open.forEach(job -> unsettled.add("job " + job.getObjectId("_id") + " (" + job.getString("operation")
                        + ") did not end within " + SETTLE.toMinutes() + " minutes: " + job.getString("status")));
                return unsettled;
            }
            Thread.sleep(100);
        }
        // why: a job that ended without letting go of its claims has them released within a lease and a sweep
        long claimsDeadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (stack.database.getCollection("items").countDocuments(exists("deleting_job")) > 0
                || stack.database.getCollection("item_claims").countDocuments() > 0) {
            if (System.nanoTime() > claimsDeadline) {
                unsettled.add(stack.database.getCollection("items").countDocuments(exists("deleting_job"))
                        + " items are still claimed a minute after every job ended");
                break;
            }
            Thread.sleep(100);
        }
        return unsettled;
    }
}
