package org.mandate.app.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A bearer token the issuer signed, turned into the person it names (see {@link Identities}): their name is the
 * person's id, as with HTTP Basic, so every controller and event sees the same {@code decidedBy}. Roles are staff,
 * the directory's roles and those the token carries. An identity with no person, or a person who left, is refused
 * whatever the token says.
 */
final class PersonTokens implements Converter<Jwt, AbstractAuthenticationToken> {

    private static final Logger log = LoggerFactory.getLogger(PersonTokens.class);

    private final Identities identities;

    PersonTokens(Identities identities) {
        this.identities = identities;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        Identities.Resolved who = identities.resolve(jwt.getClaims());
        if (who.claimed() == null) {
            throw new IdentityRefusedException(null, false, "This token names no person: it has no '"
                    + identities.personClaim() + "' claim (mandate.security.person-claim). Ask for a token issued "
                    + "to you as a person, or ask an administrator to set the claim that names people.");
        }
        if (!who.known()) {
            log.info("Refused a token for '{}' (subject {}): nobody in the directory is that identity", who.claimed(),
                    jwt.getSubject());
            throw new IdentityRefusedException(who.claimed(), false, "The identity provider knows you as '"
                    + who.claimed() + "', but nobody in Mandate's directory is that identity. Ask a Mandate "
                    + "administrator to add you to the directory (or to record this address as yours).");
        }
        if (!who.active()) {
            log.warn("Refused a token for '{}': they have left", who.personId());
            throw new IdentityRefusedException(who.claimed(), true, "'" + who.personId() + "' has left the "
                    + "organisation in Mandate's directory and may no longer act, whatever the identity provider "
                    + "says. If this is a mistake, ask a Mandate administrator.");
        }
        return new JwtAuthenticationToken(jwt, authorities(who, identities.tokenRoles(jwt.getClaims())),
                who.personId());
    }

    /** Staff, the directory's roles and the roles the identity provider grants. */
    static List<GrantedAuthority> authorities(Identities.Resolved who, Set<String> tokenRoles) {
        List<GrantedAuthority> authorities = new ArrayList<>(PersonUserDetailsService.authorities(who.directoryRoles()));
        tokenRoles.stream().map(role -> "ROLE_" + role)
                .filter(role -> authorities.stream().noneMatch(held -> held.getAuthority().equals(role)))
                .forEach(role -> authorities.add(new SimpleGrantedAuthority(role)));
        return authorities;
    }
}
