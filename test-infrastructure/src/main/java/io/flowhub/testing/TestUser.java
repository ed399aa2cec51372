package io.flowhub.testing;

import java.nio.charset.StandardCharsets;

/** A signed-in user of the test stack and a gateway client that acts as that user. */
public record TestUser(String id, String email, String password, String role, String token, GatewayClient gateway) {

    /**
     * Uploads a small file to one of the user's items.
     *
     * @return the stored file's path under the files root
     * @throws IllegalStateException when the upload is not answered 200
     */
    public String uploadFileTo(String itemId) {
        var uploaded = gateway.upload("/api/v1/items/" + itemId + "/file", "fixture.txt",
                "fixture".getBytes(StandardCharsets.UTF_8));
        if (uploaded.status() != 200) {
            throw new IllegalStateException("Uploading a file to item " + itemId + " answered " + uploaded.status()
                    + ": " + uploaded.text());
        }
        return uploaded.data().get("file_path").asString();
    }
}
