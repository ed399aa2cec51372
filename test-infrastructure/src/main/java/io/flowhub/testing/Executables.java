package io.flowhub.testing;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Optional;

/** Programs outside the JVM a test drives (promtool, Chromium): named by a variable, else found on the PATH. */
public final class Executables {

    private Executables() {
    }

    /** @return the first executable of: the path in {@code variable}, then each of {@code names} on the PATH */
    public static Optional<Path> find(String variable, String... names) {
        var candidates = new ArrayList<Path>();
        Optional.ofNullable(System.getenv(variable)).filter(value -> !value.isBlank()).map(Path::of)
                .ifPresent(candidates::add);
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            for (String name : names) {
                candidates.add(Path.of(dir, name));
            }
        }
        return candidates.stream().filter(Files::isExecutable).findFirst();
    }
}
