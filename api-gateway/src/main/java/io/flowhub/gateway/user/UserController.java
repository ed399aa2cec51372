package io.flowhub.gateway.user;

import io.flowhub.store.user.UserStore;
import io.flowhub.store.user.User;
import io.flowhub.gateway.system.Envelope;
import io.flowhub.gateway.system.BadRequestException;
import io.flowhub.gateway.system.NotFoundException;
import io.flowhub.store.ObjectIds;
import io.flowhub.store.user.Role;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

/** The caller's own account, and user administration for ADMINs (the security rules keep others out). */
@RestController
@RequestMapping("/api/v1/users")
class UserController {

    private final UserStore users;
    private final Accounts accounts;

    UserController(UserStore users, Accounts accounts) {
        this.users = users;
        this.accounts = accounts;
    }

    @GetMapping("/me")
    Envelope<UserView> me(Caller caller) {
        return Envelope.of(users.find(caller.id()).map(UserView::of)
                .orElseThrow(() -> new NotFoundException("User", caller.id())));
    }

    @GetMapping
    Envelope<List<UserView>> list() {
        return Envelope.of(users.list().stream().map(UserView::of).toList());
    }

    @PostMapping
    ResponseEntity<Envelope<UserView>> create(Caller caller, @Valid @RequestBody NewAccount account) {
        Role role = account.role() == null ? Role.EDITOR : parseRole(account.role());
        User user = accounts.open(account, role, caller.id());
        return ResponseEntity.created(URI.create("/api/v1/users/" + user.id())).body(Envelope.of(UserView.of(user)));
    }

    @PatchMapping("/{userId}/role")
    Envelope<UserView> changeRole(@PathVariable String userId, @Valid @RequestBody RoleChange change) {
        var id = ObjectIds.parse("user id", userId);
        return Envelope.of(users.changeRole(id, parseRole(change.role())).map(UserView::of)
                .orElseThrow(() -> new NotFoundException("User", userId)));
    }

    private static Role parseRole(String role) {
        try {
            return Role.parse(role);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
    }

    record RoleChange(@NotBlank(message = "role is required: one of ADMIN, EDITOR, VIEWER") String role) {
    }

}
