package io.flowhub.testing;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The check that a module's packages form no cycle: every package, the module's root package too,
 * is a slice of its own, and no chain of dependencies between them comes back to where it started.
 */
public final class PackageCycles {

    private PackageCycles() {
    }

    /** @throws AssertionError naming each cycle among the main classes under {@code rootPackage} */
    public static void assertNoneUnder(String rootPackage) {
        var classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(rootPackage);
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
