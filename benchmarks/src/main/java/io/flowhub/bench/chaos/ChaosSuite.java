package io.flowhub.bench.chaos;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * {@code ./flowhub chaos [--rounds N] [--seed S]}: rounds of one job each under one injected fault —
 * a worker killed mid-batch, an instance joining while another leaves, a command delivered again,
 * Kafka down when the job is submitted, a worker paused (SIGSTOP) past its lease and resumed after
 * another took over, MongoDB stalled or cut off from the workers for 10 s mid-batch, the gateway
 * killed between recording a job and publishing it with the client retrying — for bulk jobs (delete
 * by ids and by filter, add tags, activate, undo) and cleanup jobs (per-user purge, tag cleanup hard
 * and soft, run cleanup, plan apply), sometimes with a cancel or a second job on the same items landing
 * during the fault, against real worker processes and the embedded servers. Prints a
 * table per fault kind and writes it to {@code benchmarks/CHAOS.md} (for 100 rounds or more) or
 * {@code benchmarks/target/chaos/CHAOS.md}; exits non-zero when any round broke an invariant.
 */
public final class ChaosSuite {

    private static final Logger log = LoggerFactory.getLogger(ChaosSuite.class);
    public static final int DEFAULT_ROUNDS = 100;

    private ChaosSuite() {
    }

    public static void main(String[] arguments) throws Exception {
        int rounds = DEFAULT_ROUNDS;
        long seed = System.currentTimeMillis();
        for (int i = 0; i < arguments.length; i++) {
            switch (arguments[i]) {
                case "--rounds" -> rounds = Integer.parseInt(value(arguments, ++i, "--rounds"));
                case "--seed" -> seed = Long.parseLong(value(arguments, ++i, "--seed"));
                default -> throw new IllegalArgumentException("Unknown argument '" + arguments[i]
                        + "': use --rounds N (default " + DEFAULT_ROUNDS + ") and --seed S");
            }
        }
        if (rounds < 1) {
            throw new IllegalArgumentException("--rounds must be at least 1, not " + rounds);
        }
        List<ChaosRound.Outcome> outcomes = run(rounds, seed);
        Path written = rounds >= DEFAULT_ROUNDS ? Path.of("benchmarks/CHAOS.md") : Path.of("benchmarks/target/chaos/CHAOS.md");
        String table = ChaosReport.markdown(outcomes, seed);
        Files.createDirectories(written.toAbsolutePath().getParent());
        Files.writeString(written, table);
        System.out.println(table);
        log.info("Chaos table written to {}", written);
        System.exit(outcomes.stream().allMatch(ChaosRound.Outcome::passed) ? 0 : 1);
    }

    /** Runs the rounds, cycling through every fault and every job shape. */
    public static List<ChaosRound.Outcome> run(int rounds, long seed) throws Exception {
        var random = new Random(seed);
        var outcomes = new ArrayList<ChaosRound.Outcome>();
        Instant began = Instant.now();
        try (var stack = new ChaosStack()) {
            for (int round = 1; round <= rounds; round++) {
                var fault = ChaosRound.Fault.values()[(round - 1) % ChaosRound.Fault.values().length];
                // why: every four rounds see every fault and every job shape; sixteen see every pair
                var shape = ChaosRound.Shape.values()[((round - 1) + (round - 1) / ChaosRound.Fault.values().length)
                        % ChaosRound.Shape.values().length];
                var roundRandom = new Random(random.nextLong());
                var twist = twist(fault, shape, roundRandom);
                var outcome = new ChaosRound(stack, round, fault, shape, twist, roundRandom).run();
                outcomes.add(outcome);
                log.info("Round {}/{} {} {} {}: {} in {} s{}", round, rounds, fault, shape, twist,
                        outcome.passed() ? "passed" : "FAILED " + outcome.violations(),
                        String.format(Locale.ROOT, "%.1f", outcome.seconds()),
                        outcome.injected() ? "" : " (the job finished before the fault)");
            }
        }
        log.info("{} rounds in {} s", rounds, Duration.between(began, Instant.now()).toSeconds());
        return outcomes;
    }

    /**
     * @return what else lands during the round's fault: a cancel of the job in one round of five, a second job on the
     *         same items in another, except where the job is started while Kafka or its gateway is down, and except a
     *         second undo (a job has one)
     */
    static ChaosRound.Twist twist(ChaosRound.Fault fault, ChaosRound.Shape shape, Random random) {
        if (fault == ChaosRound.Fault.KAFKA_DOWN || fault == ChaosRound.Fault.GATEWAY_KILLED) {
            return ChaosRound.Twist.NONE;
        }
        return switch (random.nextInt(5)) {
            case 0 -> ChaosRound.Twist.CANCEL;
            case 1 -> shape == ChaosRound.Shape.UNDO ? ChaosRound.Twist.NONE : ChaosRound.Twist.TWIN;
            default -> ChaosRound.Twist.NONE;
        };
    }

    private static String value(String[] arguments, int index, String name) {
        if (index >= arguments.length) {
            throw new IllegalArgumentException(name + " needs a value");
        }
        return arguments[index];
    }

}
