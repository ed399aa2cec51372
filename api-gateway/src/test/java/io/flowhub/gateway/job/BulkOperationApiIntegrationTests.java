package io.flowhub.gateway.job;

import io.flowhub.testing.FlowHubStackExtension;
import io.flowhub.testing.GatewayClient;
import io.flowhub.testing.TestStack;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/** What the bulk and job endpoints answer to requests they cannot accept. */
@ExtendWith(FlowHubStackExtension.class)
class BulkOperationApiIntegrationTests {

    private final GatewayClient gateway;

    BulkOperationApiIntegrationTests(TestStack stack) {
        this.gateway = stack.newEditor().gateway();
    }

    @Test
    void anUnknownOperationIsA400ListingTheSupportedOnes() {
        var response = gateway.post("/api/v1/bulk-operations",
                "{\"operation\":\"explode\",\"itemIds\":[\"" + new ObjectId() + "\"]}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("detail").asString()).contains("'explode' is not supported", "delete");
    }

    @Test
    void aMissingOperationOrSelectionIsA400() {
        var noOperation = gateway.post("/api/v1/bulk-operations", "{\"itemIds\":[\"" + new ObjectId() + "\"]}");
        var noItems = gateway.post("/api/v1/bulk-operations", "{\"operation\":\"delete\"}");

        assertThat(noOperation.status()).isEqualTo(400);
        assertThat(noOperation.json().get("errors").get(0).get("field").asString()).isEqualTo("operation");
        assertThat(noItems.status()).isEqualTo(400);
        assertThat(noItems.json().get("detail").asString()).isEqualTo("select items with exactly one of item_ids or filter");
    }

    @Test
    void aMalformedItemIdIsA400NamingIt() {
        var response = gateway.post("/api/v1/bulk-operations", "{\"operation\":\"delete\",\"itemIds\":[\"abc\"]}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("detail").asString()).contains("'abc'", "24-character hexadecimal");
    }

    @Test
    void aMalformedJobIdIsA400AndAnUnknownOneA404() {
        assertThat(gateway.get("/api/v1/jobs/xyz").status()).isEqualTo(400);
        assertThat(gateway.get("/api/v1/bulk-operations/" + new ObjectId()).status()).isEqualTo(404);
    }
}
