package io.flowhub.gateway.system;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The seed system's success body, {@code {"status":"success", "message":..., "data":..., ...}}: the
 * one way the gateway writes it. Absent parts are left out; endpoints whose seed body has fields of
 * its own beside {@code status} (a cleanup's {@code deleted}, a bulk job's {@code job_id}) add them
 * with {@link #with}.
 *
 * @param <T> the type of {@code data}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"status", "message", "data"})
public record Envelope<T>(String status, String message, T data, @JsonIgnore Map<String, Object> fields) {

    private static final String SUCCESS = "success";

    public Envelope {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    public static <T> Envelope<T> of(T data) {
        return new Envelope<>(SUCCESS, null, data, Map.of());
    }

    public static <T> Envelope<T> of(String message, T data) {
        return new Envelope<>(SUCCESS, message, data, Map.of());
    }

    public static Envelope<Void> message(String message) {
        return new Envelope<>(SUCCESS, message, null, Map.of());
    }

    /** @return an envelope with nothing but {@code status} yet, for {@link #with} */
    public static Envelope<Void> success() {
        return new Envelope<>(SUCCESS, null, null, Map.of());
    }

    /** @return this envelope with one more top-level field, written after the others */
    public Envelope<T> with(String name, Object value) {
        var more = new LinkedHashMap<>(fields);
        more.put(name, value);
        return new Envelope<>(status, message, data, more);
    }

    @JsonAnyGetter
    Map<String, Object> extraFields() {
        return fields;
    }
}
