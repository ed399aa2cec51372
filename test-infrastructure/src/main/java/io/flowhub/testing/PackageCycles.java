package io.flowhub.testing;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

import java.nio.file.Files;
import java.nio.file.Path;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The check that a module's packages form no cycle: every package, the module's root package too,
 * is a slice of its own, and no chain of dependencies between them comes back to where it started.
 */
public final class PackageCycles {

    private PackageCycles() {
    }

    /**
     * Reads the module's compiled main classes ({@code target/classes}, the directory Maven runs its
     * tests in), not the whole class path, so that the check takes a moment.
     *
     * @throws AssertionError naming each cycle among the main classes under {@code rootPackage}
     */
    public static void assertNoneUnder(String rootPackage) {
        assertNoneUnder(rootPackage, Path.of("target", "classes"));
    }

    /** @throws AssertionError naming each cycle among the classes in {@code classesDirectory} under {@code rootPackage} */
    static void assertNoneUnder(String rootPackage, Path classesDirectory) {
        if (!Files.isDirectory(classesDirectory)) {
            throw new IllegalStateException("No " + classesDirectory.toAbsolutePath() + ": run this from the module's folder");
        }
        // why: only the module's own packages matter; resolving every class they name from the jars is what is slow
        ArchConfiguration.get().setResolveMissingDependenciesFromClassPath(false);
        var classes = new ClassFileImporter().importPath(classesDirectory);
        slices().assignedFrom(new EachPackage(rootPackage)).should().beFreeOfCycles().check(classes);
    }

    private record EachPackage(String rootPackage) implements SliceAssignment {

        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String name = javaClass.getPackageName();
            return name.equals(rootPackage) || name.startsWith(rootPackage + ".")
                    ? SliceIdentifier.of(name) : SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "each package under " + rootPackage;
        }
    }
}
