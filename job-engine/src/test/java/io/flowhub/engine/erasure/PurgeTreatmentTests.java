package io.flowhub.engine.erasure;

import io.flowhub.store.CollectionNames;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The build fails when a collection is added without saying how a per-user purge treats it: every
 * collection is named in {@link CollectionNames}, and each name has its line in
 * {@link ErasureTargets#PURGE_TREATMENT}.
 */
class PurgeTreatmentTests {

    private static final Pattern LITERAL_COLLECTION = Pattern.compile("getCollection\\(\"");
    /** why: they read the services' collections to check them; they add none */
    private static final Set<String> TOOLING = Set.of("benchmarks", "test-infrastructure");

    @Test
    void everyCollectionSaysHowAPurgeTreatsIt() {
        List<String> names = Arrays.stream(CollectionNames.class.getDeclaredFields())
                .filter(field -> Modifier.isStatic(field.getModifiers()) && field.getType() == String.class)
                .map(PurgeTreatmentTests::value).toList();

        assertThat(names).isNotEmpty();
        assertThat(ErasureTargets.PURGE_TREATMENT.keySet()).containsExactlyInAnyOrderElementsOf(names);
        assertThat(ErasureTargets.PURGE_TREATMENT.values()).allSatisfy(how -> assertThat(how).isNotBlank());
    }

    @Test
    void noServiceOpensACollectionByALiteralNameSoEveryOneIsInCollectionNames() throws IOException {
        var offenders = new ArrayList<String>();
        try (Stream<Path> modules = Files.list(Path.of(".."))) {
            for (Path module : modules.filter(dir -> Files.isDirectory(dir.resolve("src/main/java")))
                    .filter(dir -> !TOOLING.contains(dir.getFileName().toString())).toList()) {
                try (Stream<Path> sources = Files.walk(module.resolve("src/main/java"))) {
                    for (Path source : sources.filter(file -> file.toString().endsWith(".java")).toList()) {
                        if (LITERAL_COLLECTION.matcher(Files.readString(source)).find()) {
                            offenders.add(source.toString());
                        }
                    }
                }
            }
        }

        assertThat(offenders).as("name the collection in CollectionNames and say how a purge treats it").isEmpty();
    }

    private static String value(Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
