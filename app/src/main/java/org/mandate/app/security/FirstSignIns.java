package org.mandate.app.security;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.mandate.domain.directory.Authority;
import org.mandate.domain.directory.Directory;
import org.mandate.domain.directory.JoinPerson;
import org.mandate.domain.directory.PersonId;
import org.mandate.domain.directory.SetEmail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Joining on first sign-in ({@code mandate.security.join-on-first-sign-in=true}, off by default): an identity the
 * provider vouches for but the directory does not know joins it as a new person with no authority, no manager and
 * no roles beyond staff, as events ({@code PersonJoined}, and {@code EmailSet} when the provider gives an address),
 * like every directory change. Their id is the person claim's value (for a mail address, the part before the
 * {@code @}); their name comes from the {@code name} claim, or {@code given_name} and {@code family_name}; their
 * address from a verified {@code email} claim (or the person claim, when it is an address).
 *
 * <p>Only an interactive sign-in to the pages joins: a bearer token for nobody stays refused, since a system's
 * client-credentials token can carry a user name of its own (Keycloak's {@code service-account-…}).
 */
@Component
class FirstSignIns {

    private static final Logger log = LoggerFactory.getLogger(FirstSignIns.class);
    /** The user names the directory takes (as on the administrator's join form). */
    private static final Pattern USER_NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final boolean on;
    private final CommandGateway commands;
    private final Directory directory;
    private final Identities identities;

    FirstSignIns(SecuritySettings settings, CommandGateway commands, Directory directory, Identities identities) {
        this.on = settings.joinOnFirstSignIn();
        this.commands = commands;
        this.directory = directory;
        this.identities = identities;
    }

    boolean on() {
        return on;
    }

    /**
     * The identity, joined to the directory if it names nobody yet and joining is on; else as resolved. An identity
     * that cannot join (no usable id, or the id is someone else's) is refused with a reason a person can act on.
     */
    Identities.Resolved resolveOrJoin(Map<String, Object> claims) {
        Identities.Resolved who = identities.resolve(claims);
        if (!on || who.known() || who.claimed() == null) {
            return who;
        }
        String claimed = who.claimed();
        String id = (claimed.contains("@") ? claimed.substring(0, claimed.indexOf('@')) : claimed)
                .toLowerCase(Locale.ROOT);
        if (!USER_NAME.matcher(id).matches()) {
            throw IdentityRefusedException.worded(claimed, false, "signin.refused.badName", claimed);
        }
        if (directory.find(PersonId.of(id)).isPresent()) {
            throw IdentityRefusedException.worded(claimed, false, "signin.refused.taken", claimed, id);
        }
        try {
            commands.sendAndWait(new JoinPerson(PersonId.of(id), name(claims, id), "", null, Set.of(),
                    Authority.none()));
        } catch (RuntimeException joinedMeanwhile) {
            // a second request of the same first sign-in may have joined them a moment earlier
            Identities.Resolved again = identities.resolve(claims);
            if (again.known()) {
                return again;
            }
            throw joinedMeanwhile;
        }
        String address = claims.get("email") instanceof String email
                && !Boolean.FALSE.equals(claims.get("email_verified")) ? email : claimed;
        if (EMAIL.matcher(address).matches() && address.length() <= 254) {
            commands.sendAndWait(new SetEmail(PersonId.of(id), address, PersonId.of(id)));
        }
        log.info("'{}' joined the directory on first sign-in, as '{}' with no authority", claimed, id);
        return identities.standing(id).orElseThrow();
    }

    private static String name(Map<String, Object> claims, String id) {
        if (claims.get("name") instanceof String name && !name.isBlank()) {
            return name.strip();
        }
        String given = claims.get("given_name") instanceof String text ? text.strip() : "";
        String family = claims.get("family_name") instanceof String text ? text.strip() : "";
        String both = (given + " " + family).strip();
        return both.isEmpty() ? id : both;
    }
}
