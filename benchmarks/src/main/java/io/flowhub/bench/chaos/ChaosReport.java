package io.flowhub.bench.chaos;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The chaos suite's table: one row per fault kind, and each failed round with what broke. */
final class ChaosReport {

    private ChaosReport() {
    }

    static String markdown(List<ChaosRound.Outcome> outcomes, long seed) {
        var out = new StringBuilder();
        out.append("# Chaos suite\n\n");
        out.append(String.format(Locale.ROOT, "%d rounds (seed %d) on commit %s, %s. Each round runs one job through "
                + "the API against two instances of each worker in JVMs of their own and the embedded servers, injects "
                + "one fault (sometimes with a cancel of the job, or a second job on the same items, landing during it), "
                + "and checks "
                + "the invariants: the job is terminal (completed, or cancelled when a cancel landed), `processed + "
                + "skipped + failed == total_items` for a completed one, its counts are its ledger's and the expected "
                + "ones, the ledgers name each item once and exactly the selection (a cancelled job part of it, never "
                + "more), each item a ledger names shows that job's change and each it does not is untouched, nothing "
                + "outside the selection changed, no file is left for a deleted item and none was removed for a kept "
                + "one, and no item is left claimed.\n\n", outcomes.size(), seed, io.flowhub.bench.SourceCommit.describe(),
                outcomes.stream().allMatch(ChaosRound.Outcome::passed) ? "all passed" : "**some failed**"));
        out.append("| fault | rounds | passed | failed | fault hit the running job | with a cancel | with a second job "
                + "| job shapes | median s | max s |\n");
        out.append("|---|---|---|---|---|---|---|---|---|---|\n");
        Map<ChaosRound.Fault, List<ChaosRound.Outcome>> byFault = new TreeMap<>(outcomes.stream()
                .collect(Collectors.groupingBy(ChaosRound.Outcome::fault)));
        byFault.forEach((fault, rounds) -> {
            var seconds = rounds.stream().map(ChaosRound.Outcome::seconds).sorted().toList();
            out.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %d | %d | %s | %.1f | %.1f |\n",
                    describe(fault), rounds.size(), rounds.stream().filter(ChaosRound.Outcome::passed).count(),
                    rounds.stream().filter(outcome -> !outcome.passed()).count(),
                    rounds.stream().filter(ChaosRound.Outcome::injected).count(),
                    rounds.stream().filter(outcome -> outcome.twist() == ChaosRound.Twist.CANCEL).count(),
                    rounds.stream().filter(outcome -> outcome.twist() == ChaosRound.Twist.TWIN).count(),
                    rounds.stream().map(outcome -> outcome.shape().name().toLowerCase(Locale.ROOT)).distinct().sorted()
                            .collect(Collectors.joining(", ")),
                    seconds.get(seconds.size() / 2), seconds.getLast()));
        });
        var failed = new ArrayList<>(outcomes.stream().filter(outcome -> !outcome.passed()).toList());
        if (!failed.isEmpty()) {
            out.append("\n## Failed rounds\n\n");
            failed.sort(Comparator.comparingInt(ChaosRound.Outcome::round));
            failed.forEach(outcome -> out.append("- round ").append(outcome.round()).append(" (")
                    .append(outcome.fault()).append(", ").append(outcome.shape()).append(", ").append(outcome.twist())
                    .append("): ")
                    .append(String.join("; ", outcome.violations())).append('\n'));
        }
        return out.toString();
    }

    private static String describe(ChaosRound.Fault fault) {
        return switch (fault) {
            case KILL -> "worker SIGKILLed mid-job";
            case REBALANCE -> "instance joins, another leaves (rebalance)";
            case DUPLICATE -> "command delivered twice more, and again after the end";
            case KAFKA_DOWN -> "Kafka down at submit";
            case PAUSE -> "worker paused (SIGSTOP) past its lease, resumed after a takeover";
            case MONGO_STALL -> "MongoDB stalled or cut off from the workers for 10 s mid-batch";
            case GATEWAY_KILLED -> "gateway killed between recording the job and publishing it; the client retries";
        };
    }
}
