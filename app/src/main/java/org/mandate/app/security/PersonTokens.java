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
    private final boolean scraping;

    /** {@code scraping}: for the metrics, where a token with the METRICS role needs no person (a scraper is none). */
    PersonTokens(Identities identities, boolean scraping) {
        this.identities = identities;
        this.scraping = scraping;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        if (scraping && identities.tokenRoles(jwt.getClaims()).contains(ScrapeAccounts.METRICS)) {
            return new JwtAuthenticationToken(jwt, List.of(new SimpleGrantedAuthority("ROLE_" + ScrapeAccounts.METRICS)),
                    jwt.getSubject());
        }
        Identities.Resolved who = identities.resolve(jwt.getClaims());
        if (!who.known()) {
            var client = identities.client(jwt.getClaims());
            if (client.isPresent()) {
                return system(jwt, client.get());
            }
        }
        if (who.claimed() == null) {
            throw new IdentityRefusedException(null, false, "This token names no person: it has no '"
                    + identities.personClaim() + "' claim (mandate.security.person-claim), and its client is not "
                    + "registered as a system client. Ask for a token issued to you as a person, or ask a Mandate "
                    + "administrator to register the client (POST /api/admin/clients).");
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

    /**
     * A registered system client's own token (it names no person): it acts as the person it was registered with,
     * with that person's roles, narrowed by its scopes. Refused once removed or once that person left.
     */
    private AbstractAuthenticationToken system(Jwt jwt, Identities.Client client) {
        if (!client.active()) {
            log.info("Refused a token of the removed system client '{}'", client.clientId());
            throw new IdentityRefusedException(client.clientId(), false, "The system client '" + client.clientId()
                    + "' was removed from Mandate. Ask a Mandate administrator to register it again.");
        }
        if (!client.actsAs().active()) {
            log.warn("Refused a token of the system client '{}': '{}', whom it acts as, has left", client.clientId(),
                    client.actsAs().personId());
            throw new IdentityRefusedException(client.clientId(), true, "The system client '" + client.clientId()
                    + "' acts as '" + client.actsAs().personId() + "', who has left the organisation. Ask a Mandate "
                    + "administrator to register it again acting as someone who still works here.");
        }
        return new SystemClientToken(jwt, authorities(client.actsAs(), Set.of()), client.actsAs().personId(),
                client.clientId(), client.scopes());
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
