package io.flowhub.stack;

import io.flowhub.testing.FlowHubStackExtension;
import io.flowhub.testing.TestStack;
import io.flowhub.testing.TestUser;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.flowhub.testing.ItemBuilder.anItem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every command the services send to MongoDB is a {@code flowhub.MongoCommand} Flight Recorder event while a recording
 * asks for it, with the stack that sent it: what {@code ./flowhub bench --profile} counts round trips from.
 */
@ExtendWith(FlowHubStackExtension.class)
class MongoCommandEventsIntegrationTests {

    private final TestStack stack;

    MongoCommandEventsIntegrationTests(TestStack stack) {
        this.stack = stack;
    }

    @Test
    void anItemsInsertIsAnEventNamingItsCommandAndCollectionWithTheProjectCodeThatSentIt() throws Exception {
        TestUser user = stack.newEditor();
        Path file = Files.createTempFile("mongo-commands", ".jfr");
        try (var recording = new Recording()) {
            recording.enable("flowhub.MongoCommand").withStackTrace();
            recording.start();
            anItem().createIn(user.gateway(), 1);
            recording.stop();
            recording.dump(file);
        }

        List<RecordedEvent> commands = RecordingFile.readAllEvents(file).stream()
                .filter(event -> event.getEventType().getName().equals("flowhub.MongoCommand")).toList();
        Files.deleteIfExists(file);

        assertThat(commands).anySatisfy(event -> {
            assertThat(event.getString("command")).isEqualTo("insert");
            assertThat(event.getString("collection")).isEqualTo("items");
            assertThat(event.getLong("elapsed")).isPositive();
            assertThat(event.getStackTrace().getFrames())
                    .anyMatch(frame -> frame.getMethod().getType().getName().startsWith("io.flowhub.store.item."));
        });
    }
}
