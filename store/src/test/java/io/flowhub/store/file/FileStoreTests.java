package io.flowhub.store.file;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FileStoreTests {

    @TempDir
    Path root;

    @Test
    void storesUnderAGeneratedNameKeepingOnlyAPlainExtension() throws Exception {
        var store = new FileStore(root);

        String relative = store.save(content("hello"), "../../etc/passwd;.PDF");
        String noExtension = store.save(content("x"), "weird.na me");

        assertThat(relative).matches("items/[0-9a-f-]{36}\\.pdf");
        assertThat(noExtension).matches("items/[0-9a-f-]{36}");
        assertThat(Files.readString(store.resolve(relative))).isEqualTo("hello");
    }

    @Test
    void refusesPathsThatClimbOutOfTheRoot() {
        var store = new FileStore(root);

        assertThatThrownBy(() -> store.resolve("../outside.txt")).isInstanceOf(PathOutsideRootException.class);
        assertThatThrownBy(() -> store.resolve("items/../../outside.txt")).isInstanceOf(PathOutsideRootException.class);
        assertThatThrownBy(() -> store.resolve("/etc/passwd")).isInstanceOf(PathOutsideRootException.class);
    }

    @Test
    void refusesASymbolicLinkThatPointsOutOfTheRoot(@TempDir Path elsewhere) throws Exception {
        var store = new FileStore(root);
        Path secret = Files.writeString(elsewhere.resolve("secret.txt"), "secret");
        Files.createDirectories(root.resolve("items"));
        Files.createSymbolicLink(root.resolve("items/link.txt"), secret);

        assertThatThrownBy(() -> store.resolve("items/link.txt")).isInstanceOf(PathOutsideRootException.class);
    }

    private static ByteArrayInputStream content(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
