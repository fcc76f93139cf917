package org.mandate.app.security;

import org.mandate.domain.directory.Role;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who an identity from the organisation's identity provider is in Mandate: the claim named by
 * {@code mandate.security.person-claim} is a person's id, or else the mail address recorded for one. Read from the
 * shared directory on every call (one indexed read, no cache), like {@link AccountStanding}: a departure recorded on
 * any node refuses the very next token or page request, however long the provider still vouches for the identity.
 */
@Component
class Identities {

    /** Roles a token may carry that mean something here; METRICS lets it read the metrics and nothing else. */
    static final Set<String> TOKEN_ROLES = Set.of(Role.AUDITOR.name(), Role.PROCESS_OWNER.name(), Role.ADMIN.name(),
            ScrapeAccounts.METRICS);

    /** An identity resolved: the person it is (null if none) and whether they may act, with their directory roles. */
    record Resolved(String claimed, String personId, boolean active, Set<Role> directoryRoles) {

        boolean known() {
            return personId != null;
        }
    }

    /** A registered system client, with the standing of the person it acts as. */
    record Client(String clientId, boolean active, Resolved actsAs, List<String> scopes) {
    }

    /** Claims naming the client a token was issued to, in the order providers use them. */
    private static final List<String> CLIENT_CLAIMS = List.of("client_id", "azp", "cid", "appid", "sub");

    private final JdbcTemplate jdbc;
    private final String personClaim;
    private final String rolesClaim;

    Identities(JdbcTemplate jdbc, SecuritySettings settings) {
        this.jdbc = jdbc;
        this.personClaim = settings.personClaim();
        this.rolesClaim = settings.rolesClaim();
    }

    String personClaim() {
        return personClaim;
    }

    /** The value of the person claim, or null when the token or identity carries none. */
    String claimed(Map<String, Object> claims) {
        Object value = claims.get(personClaim);
        return value == null || value.toString().isBlank() ? null : value.toString().strip();
    }

    Resolved resolve(Map<String, Object> claims) {
        String claimed = claimed(claims);
        if (claimed == null) {
            return new Resolved(null, null, false, Set.of());
        }
        return byId(claimed).or(() -> claimed.contains("@") ? byEmail(claimed) : Optional.empty())
                .orElse(new Resolved(claimed, null, false, Set.of()));
    }

    /** The person's standing now, for a session that was signed in with the identity provider. */
    Optional<Resolved> standing(String personId) {
        return byId(personId);
    }

    /** The registered system client the token was issued to, if any (removed ones included, to say so). */
    Optional<Client> client(Map<String, Object> claims) {
        for (String claim : CLIENT_CLAIMS) {
            Object value = claims.get(claim);
            if (value instanceof String clientId && !clientId.isBlank()) {
                Optional<Client> found = jdbc.query("select c.client_id, c.active, c.scopes, p.id, p.active, p.roles "
                                + "from system_client c join directory_person p on p.id = c.acts_as where c.client_id = ?",
                        (row, n) -> new Client(row.getString(1), row.getBoolean(2),
                                new Resolved(row.getString(4), row.getString(4), row.getBoolean(5),
                                        roles(row.getString(6))), List.of(row.getString(3).split(" "))), clientId)
                        .stream().findFirst();
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    private Optional<Resolved> byId(String id) {
        return jdbc.query("select id, active, roles from directory_person where id = ?",
                (row, n) -> new Resolved(id, row.getString(1), row.getBoolean(2), roles(row.getString(3))), id)
                .stream().findFirst();
    }

    private Optional<Resolved> byEmail(String email) {
        List<Resolved> found = jdbc.query("select p.id, p.active, p.roles from directory_person p "
                        + "join mail_address m on m.person_id = p.id where lower(m.email) = ?",
                (row, n) -> new Resolved(email, row.getString(1), row.getBoolean(2), roles(row.getString(3))),
                email.toLowerCase(Locale.ROOT));
        // two people sharing an address is a directory mistake: refuse rather than pick one
        return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }

    /**
     * The roles the provider grants, from {@code mandate.security.roles-claim}: a dotted path reaches into nested
     * claims (Keycloak's {@code realm_access.roles}); a list or a space- or comma-separated text; case and
     * {@code -} for {@code _} do not matter ({@code process-owner} is PROCESS_OWNER); other values are ignored.
     */
    Set<String> tokenRoles(Map<String, Object> claims) {
        Object value = claims;
        for (String part : rolesClaim.split("\\.")) {
            if (!(value instanceof Map<?, ?> map)) {
                return Set.of();
            }
            value = map.get(part);
        }
        Collection<?> values = value instanceof Collection<?> list ? list
                : value instanceof String text ? Arrays.asList(text.split("[\\s,]+")) : List.of();
        Set<String> roles = new LinkedHashSet<>();
        for (Object role : values) {
            String name = String.valueOf(role).strip().toUpperCase(Locale.ROOT).replace('-', '_');
            if (TOKEN_ROLES.contains(name)) {
                roles.add(name);
            }
        }
        return roles;
    }

    private static Set<Role> roles(String roles) {
        return roles == null || roles.isBlank() ? Set.of()
                : Arrays.stream(roles.split(",")).map(Role::valueOf).collect(Collectors.toUnmodifiableSet());
    }
}
