package io.flowhub.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * A module's executable jar run as a child process, as a container or a user runs it, with everything it writes
 * (standard output and error) kept line by line for the test to read. Closing it stops the process.
 */
public final class JarProcess implements AutoCloseable {

    private final Process process;
    private final List<String> lines = new CopyOnWriteArrayList<>();

    private JarProcess(Process process) {
        this.process = process;
        Thread.ofVirtual().start(() -> {
            try (var reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                reader.lines().forEach(lines::add);
            } catch (IOException | UncheckedIOException e) {
                // why: the process ended; what it wrote is in the lines already
            }
        });
    }

    /** @return the module's executable jar ({@code target/<module>-*-exec.jar}), when {@code mvn package} built it */
    public static Optional<Path> built(String module) {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(path -> path.getFileName().toString().matches(module + "-.*-exec\\.jar")).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Starts {@code java [jvmOptions...] -jar jar arguments...} with the JVM that runs the tests. */
    public static JarProcess start(Path jar, List<String> jvmOptions, List<String> arguments) {
        var command = new ArrayList<String>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(arguments);
        try {
            return new JarProcess(new ProcessBuilder(command).redirectErrorStream(true).start());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + command, e);
        }
    }

    /** @return what the process has written so far, a line each */
    public List<String> lines() {
        return List.copyOf(lines);
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }
}
