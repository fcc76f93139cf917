package org.mandate.app.people;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.mandate.app.problem.AppRefusals;
import org.mandate.domain.directory.Role;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * An administrator sets someone's roles beyond staff. The change reaches the person's open sessions on their next
 * request, on every node (see docs/security.md, "Sessions, credentials and logins").
 */
@RestController
class RolesController {

    record RolesBody(@NotNull @Size(max = 8) List<String> roles) {
    }

    private final Staff staff;

    RolesController(Staff staff) {
        this.staff = staff;
    }

    @PutMapping("/api/people/{id}/roles")
    @PreAuthorize("hasRole('ADMIN')")
    Map<String, Object> setRoles(@PathVariable String id, @Valid @RequestBody RolesBody body, Authentication user) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String role : body.roles()) {
            roles.add(role(role));
        }
        staff.setRoles(id, roles, user.getName());
        return Map.of("id", id, "roles", roles.stream().map(Role::name).sorted().toList());
    }

    private static Role role(String name) {
        try {
            return Role.valueOf(name == null ? "" : name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw AppRefusals.invalid("refusal.people.notARole", name, Arrays.toString(Role.values()));
        }
    }
}
