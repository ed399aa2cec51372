package io.flowhub.gateway.item;

import io.flowhub.testing.FlowHubStackExtension;
import io.flowhub.testing.TestStack;
import io.flowhub.testing.TestUser;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(FlowHubStackExtension.class)
class ItemFileIntegrationTests {

    private final TestStack stack;
    private final TestUser editor;

    ItemFileIntegrationTests(TestStack stack) {
        this.stack = stack;
        this.editor = stack.newEditor();
    }

    @Test
    void anUploadedFileIsStoredUnderAGeneratedNameAndDownloadsIntact() throws Exception {
        String id = newItem();
        byte[] content = "report contents".getBytes(StandardCharsets.UTF_8);

        var uploaded = editor.gateway().upload("/api/v1/items/" + id + "/file", "../../evil name.TXT", content);
        var downloaded = editor.gateway().get("/api/v1/items/" + id + "/file");

        assertThat(uploaded.status()).as(uploaded.text()).isEqualTo(200);
        String filePath = uploaded.data().get("file_path").asString();
        assertThat(filePath).matches("items/[0-9a-f-]{36}\\.txt");
        assertThat(stack.filesRoot().resolve(filePath)).hasBinaryContent(content);
        assertThat(downloaded.status()).isEqualTo(200);
        assertThat(downloaded.bytes()).isEqualTo(content);
        assertThat(stack.database().getCollection("activity_logs")
                .countDocuments(and(eq("item_id", new ObjectId(id)), eq("action", "file_upload")))).isEqualTo(1);
    }

    @Test
    void replacingAFileRemovesTheOldOne() {
        String id = newItem();
        String first = editor.gateway().upload("/api/v1/items/" + id + "/file", "a.bin", new byte[] {1})
                .data().get("file_path").asString();

        editor.gateway().upload("/api/v1/items/" + id + "/file", "b.bin", new byte[] {2});

        assertThat(Files.exists(stack.filesRoot().resolve(first))).isFalse();
        assertThat(editor.gateway().get("/api/v1/items/" + id + "/file").bytes()).containsExactly(2);
    }

    @Test
    void aFileOverTheLimitIsA413AndNothingIsStored() {
        String id = newItem();

        var response = editor.gateway().upload("/api/v1/items/" + id + "/file", "big.bin",
                new byte[TestStack.MAX_FILE_BYTES + 1]);

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(editor.gateway().get("/api/v1/items/" + id).data().get("file_path").isNull()).isTrue();
    }

    @Test
    void anItemWithoutAFileOrAnotherUsersItemIsA404() {
        String id = newItem();

        assertThat(editor.gateway().get("/api/v1/items/" + id + "/file").status()).isEqualTo(404);
        assertThat(stack.newEditor().gateway().get("/api/v1/items/" + id + "/file").status()).isEqualTo(404);
    }

    private String newItem() {
        return editor.gateway().post("/api/v1/items", "{\"name\":\"with file\"}").data().get("_id").asString();
    }
}
