package io.flowhub.bench.races;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * {@code ./flowhub races [--rounds N] [--seed S] [--round R]}: rounds of concurrent operations on shared objects
 * ({@link RaceRound}) against two instances of every service in JVMs of their own on one Kafka and one MongoDB, each
 * round checked by {@link RaceChecks}. Prints a table and writes it to {@code benchmarks/RACES.md} (for 100 rounds or
 * more) or {@code benchmarks/target/races/RACES.md}; a failed round prints its seed, and {@code --seed S --round R}
 * replays that round alone. Exits non-zero when any round failed.
 */
public final class RaceSuite {

    public static final int DEFAULT_ROUNDS = 100;
    private static final Logger log = LoggerFactory.getLogger(RaceSuite.class);

    private RaceSuite() {
    }

    public static void main(String[] arguments) throws Exception {
        int rounds = DEFAULT_ROUNDS;
        long seed = System.currentTimeMillis();
        Integer only = null;
        for (int i = 0; i < arguments.length; i++) {
            switch (arguments[i]) {
                case "--rounds" -> rounds = Integer.parseInt(value(arguments, ++i, "--rounds"));
                case "--seed" -> seed = Long.parseLong(value(arguments, ++i, "--seed"));
                case "--round" -> only = Integer.parseInt(value(arguments, ++i, "--round"));
                default -> throw new IllegalArgumentException("Unknown argument '" + arguments[i]
                        + "': use --rounds N (default " + DEFAULT_ROUNDS + "), --seed S and --round R");
            }
        }
        if (rounds < 1 || (only != null && only < 1)) {
            throw new IllegalArgumentException("--rounds and --round must be at least 1");
        }
        List<RaceRound.Outcome> outcomes = only == null ? run(rounds, seed) : run(List.of(only), seed);
        boolean full = only == null && rounds >= DEFAULT_ROUNDS;
        Path written = full ? Path.of("benchmarks/RACES.md") : Path.of("benchmarks/target/races/RACES.md");
        String table = RaceReport.markdown(outcomes, seed);
        Files.createDirectories(written.toAbsolutePath().getParent());
        Files.writeString(written, table);
        System.out.println(table);
        log.info("Race table written to {}", written);
        System.exit(outcomes.stream().allMatch(RaceRound.Outcome::passed) ? 0 : 1);
    }

    /** Runs rounds 1 to {@code rounds} of the seed. */
    public static List<RaceRound.Outcome> run(int rounds, long seed) throws Exception {
        var numbers = new ArrayList<Integer>();
        for (int round = 1; round <= rounds; round++) {
            numbers.add(round);
        }
        return run(numbers, seed);
    }

    private static List<RaceRound.Outcome> run(List<Integer> rounds, long seed) throws Exception {
        var outcomes = new ArrayList<RaceRound.Outcome>();
        Instant began = Instant.now();
        try (var stack = new RaceStack()) {
            var history = new ArrayList<RaceClient.Answer>();
            var seeding = stack.clients(history).getFirst();
            String bystander = seeding.send("seed", "POST", "/api/v1/auth/register", "{\"email\":\"bystander-" + seed
                    + "@example.com\",\"password\":\"race-password-1\",\"name\":\"bystander\"}", Map.of())
                    .body().path("data").path("_id").asString();
            for (int round : rounds) {
                long roundSeed = new Random(seed * 1_000_003L + round).nextLong();
                var outcome = new RaceRound(stack, round, roundSeed, bystander).run();
                outcomes.add(outcome);
                log.info("Round {} {}: {} in {} s{}", round, outcome.races(), outcome.passed() ? "passed" : "FAILED",
                        String.format(Locale.ROOT, "%.1f", outcome.seconds()), outcome.passed() ? ""
                                : " — replay it with ./flowhub races --seed " + seed + " --round " + round + ": "
                                + outcome.violations());
            }
        }
        log.info("{} rounds in {} s", rounds.size(), Duration.between(began, Instant.now()).toSeconds());
        return outcomes;
    }

    private static String value(String[] arguments, int index, String name) {
        if (index >= arguments.length) {
            throw new IllegalArgumentException(name + " needs a value");
        }
        return arguments[index];
    }
}
