package io.flowhub.gateway.system;

import io.flowhub.testing.FlowHubStackExtension;
import io.flowhub.testing.TestStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(FlowHubStackExtension.class)
class OpenApiIntegrationTests {

    private final TestStack stack;

    OpenApiIntegrationTests(TestStack stack) {
        this.stack = stack;
    }

    @Test
    void theOpenApiDocumentDescribesTheApiWithoutSigningIn() {
        var document = stack.anonymous().get("/v3/api-docs");

        assertThat(document.status()).isEqualTo(200);
        assertThat(document.json().get("paths").propertyNames())
                .contains("/api/v1/items", "/api/v1/items/{itemId}", "/api/v1/auth/login", "/api/v1/bulk-operations");
    }

    @Test
    void swaggerUiIsServed() {
        var page = stack.anonymous().get("/swagger-ui/index.html");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("swagger-ui");
    }
}
