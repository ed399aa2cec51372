package io.flowhub.events;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON mapping of the contract: snake_case field names, ISO-8601 instants, a {@code type}
 * discriminator on every command. Unknown fields are ignored so that a newer producer's
 * additions do not break an older consumer.
 */
public final class ContractJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // why: a missing number must reach the record, whose check names the field and the fix
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private ContractJson() {
    }

    /** @return the shared, thread-safe mapper for commands and events */
    public static JsonMapper mapper() {
        return MAPPER;
    }
}
