package io.flowhub.system;

import io.flowhub.testing.FlowHubStackExtension;
import io.flowhub.testing.TestStack;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The shell examples of the README and the docs, pasted as a reader would: each page's {@code bash}
 * blocks that call the API run in order in one shell against this stack (its ports in place of the
 * default ones), and must finish, answer no server error and show what the page says they show.
 */
@ExtendWith(FlowHubStackExtension.class)
class DocsExamplesIntegrationTests {

    private static final Pattern BASH_BLOCK = Pattern.compile("```bash\\n(.*?)```", Pattern.DOTALL);
    private static final Path ROOT = Path.of("..");

    private final TestStack stack;

    DocsExamplesIntegrationTests(TestStack stack) {
        this.stack = stack;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            README.md          | "verified":true
            docs/API.md        | "undoes"
            docs/KAFKA.md      | "replayed"
            """)
    void theExamplesOfAPageWorkWhenPasted(String page, String shows) throws Exception {
        assumeTrue(onPath("curl"), "curl is not on the PATH: the README's examples need it, so they are not run here");
        // why: -e stops at the first command that fails, as a reader would; not pipefail, which a reader's shell
        // does not set (a grep -m that stops reading early is a failed curl under it)
        String script = "set -e\n" + examples(ROOT.resolve(page));

        var run = new ProcessBuilder("bash", "-c", script).redirectErrorStream(true).start();
        boolean ended = run.waitFor(3, TimeUnit.MINUTES);
        String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!ended) {
            run.destroyForcibly();
        }

        assertThat(ended).as("the examples of %s ended; they printed:%n%s", page, output).isTrue();
        assertThat(run.exitValue()).as(output).isZero();
        assertThat(output).doesNotContainPattern("\"status\":5\\d\\d").contains(shows);
    }

    private static boolean onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "");
        return Arrays.stream(path.split(File.pathSeparator))
                .anyMatch(directory -> Files.isExecutable(Path.of(directory, program)));
    }

    /** @return the page's blocks that call the API, in order, on this stack's ports */
    private String examples(Path page) throws IOException {
        var blocks = new ArrayList<String>();
        Matcher block = BASH_BLOCK.matcher(Files.readString(page));
        while (block.find()) {
            if (block.group(1).contains("curl")) {
                blocks.add(block.group(1));
            }
        }
        assertThat(blocks).as("%s has shell examples", page).isNotEmpty();
        var services = stack.services();
        List<String> lines = String.join("\n", blocks).lines()
                // why: a reset would wipe the data of the other tests that share this stack; its own tests prove it
                .filter(line -> !line.contains("/internal/reset"))
                .map(line -> line.replace("localhost:8080", "localhost:" + services.gatewayPort())
                        .replace("localhost:8081", "localhost:" + services.bulkWorkerPort())
                        .replace("localhost:8082", "localhost:" + services.cleanupWorkerPort()))
                .toList();
        return String.join("\n", lines) + "\n";
    }
}
