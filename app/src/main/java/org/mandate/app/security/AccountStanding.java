package org.mandate.app.security;

import org.mandate.domain.directory.Role;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Whether someone may still act, and with which roles, as the shared database says right now. Read on every
 * request of an open session, so it is one primary-key read of the directory row and the credential together,
 * and no cache: the directory projection is subscribing (written in the departure's own transaction), so every
 * node sees a departure or a role change from the commit on, and a cache would only add a window of staleness.
 */
@Component
class AccountStanding {

    /** What a session may carry: the person is active, has a usable credential, and holds these roles. */
    record Standing(boolean mayAct, Set<Role> roles) {
    }

    private final JdbcTemplate jdbc;

    AccountStanding(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Empty for someone who is not in the directory or has no credential. */
    Optional<Standing> of(String personId) {
        return jdbc.query("select p.active, p.roles, c.enabled from directory_person p "
                        + "join credential c on c.person_id = p.id where p.id = ?",
                (row, n) -> new Standing(row.getBoolean(1) && row.getBoolean(3), roles(row.getString(2))),
                personId).stream().findFirst();
    }

    private static Set<Role> roles(String roles) {
        return roles == null || roles.isBlank() ? Set.of()
                : Arrays.stream(roles.split(",")).map(Role::valueOf).collect(Collectors.toUnmodifiableSet());
    }
}
