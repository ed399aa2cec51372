package io.flowhub.bench.races;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The race suite's table: how often each race ran and held, and each failed round with what broke and its seed. */
final class RaceReport {

    private RaceReport() {
    }

    static String markdown(List<RaceRound.Outcome> outcomes, long seed) {
        var out = new StringBuilder();
        boolean passed = outcomes.stream().allMatch(RaceRound.Outcome::passed);
        out.append("# Race suite\n\n");
        out.append(String.format(Locale.ROOT, "%d rounds (seed %d) on commit %s, %s. Each round runs a seeded random "
                + "schedule of concurrent operations on one user's items over two gateway instances, with two "
                + "bulk-workers and two cleanup-workers, each in a JVM of its own on one Kafka and one MongoDB "
                + "(`./flowhub races`), then checks what every call answered, the jobs, their ledgers and the items: "
                + "no server error; one job per Idempotency-Key, every request with it answered with that job; one job "
                + "for an undo or a plan apply asked on both gateways at once; a dead letter replayed twice counted "
                + "once; every job ended, a completed one's `processed + skipped + failed == total_items` and its "
                + "ledger naming each item once; each item's final state explained by the operations that touched it "
                + "(a deleted item by exactly one hard-delete batch, a kept one by the last job that marked it); "
                + "nothing left claimed; a bystander's items untouched.\n\n", outcomes.size(), seed, io.flowhub.bench.SourceCommit.describe(),
                passed ? "all passed" : "**some failed**"));
        out.append("| race | rounds it ran in | passed | failed |\n|---|---|---|---|\n");
        Map<RaceRound.Race, int[]> counts = new EnumMap<>(RaceRound.Race.class);
        for (RaceRound.Outcome outcome : outcomes) {
            for (RaceRound.Race race : outcome.races()) {
                int[] count = counts.computeIfAbsent(race, ignored -> new int[2]);
                count[outcome.passed() ? 0 : 1]++;
            }
        }
        counts.forEach((race, count) -> out.append(String.format(Locale.ROOT, "| %s | %d | %d | %d |\n", describe(race),
                count[0] + count[1], count[0], count[1])));
        var seconds = outcomes.stream().map(RaceRound.Outcome::seconds).sorted().toList();
        out.append(String.format(Locale.ROOT, "\nA round took %.1f s at the median, %.1f s at most.\n",
                seconds.get(seconds.size() / 2), seconds.getLast()));
        var failed = new ArrayList<>(outcomes.stream().filter(outcome -> !outcome.passed()).toList());
        if (!failed.isEmpty()) {
            out.append("\n## Failed rounds\n\n");
            failed.sort(Comparator.comparingInt(RaceRound.Outcome::round));
            failed.forEach(outcome -> out.append("- round ").append(outcome.round()).append(" (replay: `./flowhub races")
                    .append(" --seed ").append(seed).append(" --round ").append(outcome.round()).append("`): ")
                    .append(String.join("; ", outcome.violations())).append('\n'));
        }
        return out.toString();
    }

    private static String describe(RaceRound.Race race) {
        return switch (race) {
            case SAME_KEY -> "3-6 requests with one Idempotency-Key at once, over both gateways";
            case OTHER_KEYS -> "keyed add-tags and activate/remove-tags jobs over overlapping items";
            case CANCEL_VS_FINISH -> "a cancel racing the keyed job's end";
            case UNDO_TWICE -> "one job undone on both gateways at once";
            case PLAN_TWICE -> "a run cleanup's plan applied on both gateways at once";
            case RUN_VS_BULK -> "a run cleanup against a bulk delete of the run's items";
            case PURGE_WHILE_RUNNING -> "a purge of the user while its jobs run";
            case DLT_TWICE -> "a dead letter replayed on both gateways at once";
            case ITEM_EDITS -> "item edits, deletes and restores during the jobs";
        };
    }
}
