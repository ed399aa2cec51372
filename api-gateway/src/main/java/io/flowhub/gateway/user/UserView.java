package io.flowhub.gateway.user;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.flowhub.store.user.Role;
import io.flowhub.store.user.User;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;

/** A user as the API shows it: never its password hash, nor who opened the account. */
@Schema(name = "User")
public record UserView(@JsonProperty("_id") String id, String email, String name, Role role, Instant createdAt) {

    public static UserView of(User user) {
        return new UserView(user.id(), user.email(), user.name(), user.role(), user.createdAt());
    }
}
