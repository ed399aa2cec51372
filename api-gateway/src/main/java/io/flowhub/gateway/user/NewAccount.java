package io.flowhub.gateway.user;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /auth/register} and, with a role, {@code POST /users}. */
public record NewAccount(
        @NotBlank(message = "email is required") @Email(message = "email must be an e-mail address")
        @Size(max = 254, message = "email must be at most 254 characters")
        String email,
        @NotBlank(message = "password is required")
        @Size(min = 8, max = 72, message = "password must be 8 to 72 characters")
        String password,
        @NotBlank(message = "name is required") @Size(max = 100, message = "name must be at most 100 characters")
        String name,
        String role) {
}
