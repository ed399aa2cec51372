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
        out.append(String.format(Locale.ROOT, "%d rounds (seed %d), %s. Each round runs one job through the API "
                + "against two instances of each worker in JVMs of their own and the embedded servers, injects one "
                + "fault, and checks the invariants: the job is terminal and completed, `processed + skipped + failed "
                + "== total_items`, the counts are the expected ones, its ledger names each item it changed once and "
                + "exactly the selection, nothing outside the selection changed, no file is left for a deleted item "
                + "and none was removed for a kept one, and no item is left claimed.\n\n", outcomes.size(), seed,
                outcomes.stream().allMatch(ChaosRound.Outcome::passed) ? "all passed" : "**some failed**"));
        out.append("| fault | rounds | passed | failed | fault hit the running job | job shapes | median s | max s |\n");
        out.append("|---|---|---|---|---|---|---|---|\n");
        Map<ChaosRound.Fault, List<ChaosRound.Outcome>> byFault = new TreeMap<>(outcomes.stream()
                .collect(Collectors.groupingBy(ChaosRound.Outcome::fault)));
        byFault.forEach((fault, rounds) -> {
            var seconds = rounds.stream().map(ChaosRound.Outcome::seconds).sorted().toList();
            out.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %s | %.1f | %.1f |\n",
                    describe(fault), rounds.size(), rounds.stream().filter(ChaosRound.Outcome::passed).count(),
                    rounds.stream().filter(outcome -> !outcome.passed()).count(),
                    rounds.stream().filter(ChaosRound.Outcome::injected).count(),
                    rounds.stream().map(outcome -> outcome.shape().name().toLowerCase(Locale.ROOT)).distinct().sorted()
                            .collect(Collectors.joining(", ")),
                    seconds.get(seconds.size() / 2), seconds.getLast()));
        });
        var failed = new ArrayList<>(outcomes.stream().filter(outcome -> !outcome.passed()).toList());
        if (!failed.isEmpty()) {
            out.append("\n## Failed rounds\n\n");
            failed.sort(Comparator.comparingInt(ChaosRound.Outcome::round));
            failed.forEach(outcome -> out.append("- round ").append(outcome.round()).append(" (")
                    .append(outcome.fault()).append(", ").append(outcome.shape()).append("): ")
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
        };
    }
}
