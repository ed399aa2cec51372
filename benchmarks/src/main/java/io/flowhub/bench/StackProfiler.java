package io.flowhub.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * JDK Flight Recorder on the stack's JVM around each timed project part ({@code ./flowhub bench --profile}): a
 * recording with the {@code profile} settings and the services' {@code flowhub.MongoCommand} events (each round trip
 * to the database, with its stack), written to a file of its own per sample.
 */
final class StackProfiler {

    private static final String RECORDING = "flowhub-bench";

    private final long stackPid;
    private final Path directory;
    private String row = "row";
    private int sample;

    StackProfiler(long stackPid, Path directory) throws IOException {
        this.stackPid = stackPid;
        this.directory = Files.createDirectories(directory);
    }

    /** Names the row the next samples belong to (a directory of its own; jcmd splits arguments at blanks and commas). */
    void row(String name) {
        if (!name.matches("[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException("A row's recordings go to a directory named by letters, digits and '-': "
                    + name);
        }
        row = name;
        sample = 0;
    }

    void start() {
        jcmd("JFR.start", "name=" + RECORDING, "settings=profile", "flowhub.MongoCommand#enabled=true",
                "flowhub.MongoCommand#stackTrace=true");
    }

    void stop() {
        try {
            Path rowDirectory = Files.createDirectories(directory.resolve(row));
            Path file = rowDirectory.resolve("sample-" + ++sample + ".jfr");
            jcmd("JFR.stop", "name=" + RECORDING, "filename=" + file);
            if (!Files.exists(file)) {
                throw new IllegalStateException("JFR.stop wrote no recording to " + file);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void jcmd(String... command) {
        var line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(stackPid)));
        line.addAll(List.of(command));
        try {
            Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0 || output.contains("Could not")) {
                throw new IllegalStateException("jcmd " + String.join(" ", command) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
