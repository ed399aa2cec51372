package io.flowhub.bench;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts this program again in a JVM of its own, in one of its roles (see {@code io.flowhub.bench.launch.Bench}):
 * a load driver or a lone bulk-worker, so what it measures is not shared with the stack's process.
 */
public final class ChildJvm {

    /** The program's entry point, named rather than referred to, since it depends on every package of the harness. */
    public static final String MAIN_CLASS = "io.flowhub.bench.launch.Bench";

    private ChildJvm() {
    }

    /**
     * @param jvmOptions options for the new JVM, such as its heap size
     * @param role       the role's name, then its arguments
     * @param output     where the child's standard output and error go
     */
    public static Process start(List<String> jvmOptions, List<String> role, Path output) throws IOException {
        var command = new ArrayList<String>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        // why: the flags ./flowhub chose for this JDK (such as allowing Kafka's use of sun.misc.Unsafe)
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream().filter(option -> option.startsWith("--"))
                .forEach(command::add);
        command.addAll(jvmOptions);
        String classPath = System.getProperty("java.class.path");
        command.add("-cp");
        command.add(classPath);
        // why: from the packaged jar the classes sit in nested jars that only Boot's launcher can open
        boolean packaged = classPath.endsWith(".jar") && !classPath.contains(File.pathSeparator) && isBootJar(classPath);
        command.add(packaged ? "org.springframework.boot.loader.launch.JarLauncher" : MAIN_CLASS);
        command.addAll(role);
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
    }

    /** @return true for Boot's executable jar; false for a test runner's jar whose manifest lists the class path */
    private static boolean isBootJar(String path) throws IOException {
        try (var jar = new java.util.jar.JarFile(path)) {
            return jar.getEntry("BOOT-INF/classes/") != null || jar.getEntry("BOOT-INF/lib/") != null;
        }
    }
}
