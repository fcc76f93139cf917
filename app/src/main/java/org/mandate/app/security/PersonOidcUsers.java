package org.mandate.app.security;

import com.nimbusds.jwt.JWTParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

import java.text.ParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * A sign-in with the identity provider, turned into the person it is (see {@link Identities}); an identity with no
 * person (unless it joins the directory, see {@link FirstSignIns}), or a person who left, is refused
 * ({@link IdentityRefusedException}) and shown a page saying whom to ask.
 */
final class PersonOidcUsers implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private static final Logger log = LoggerFactory.getLogger(PersonOidcUsers.class);

    private final OidcUserService provider = new OidcUserService();
    private final Identities identities;
    private final FirstSignIns firstSignIns;

    PersonOidcUsers(Identities identities, FirstSignIns firstSignIns) {
        this.identities = identities;
        this.firstSignIns = firstSignIns;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser user = provider.loadUser(request);
        Identities.Resolved who = firstSignIns.resolveOrJoin(user.getClaims());
        if (!who.known()) {
            log.info("Refused a sign-in as '{}' (subject {}): nobody in the directory is that identity",
                    who.claimed(), user.getSubject());
            throw who.claimed() == null
                    ? IdentityRefusedException.worded(null, false, "signin.refused.noClaim", identities.personClaim())
                    : IdentityRefusedException.worded(who.claimed(), false, "signin.refused.unknown", who.claimed());
        }
        if (!who.active()) {
            log.warn("Refused a sign-in as '{}': they have left", who.personId());
            throw IdentityRefusedException.worded(who.claimed(), true, "signin.refused.departed", who.personId());
        }
        Set<String> roles = identities.tokenRoles(claims(user, request));
        return new PersonOidcUser(who.personId(), roles, PersonTokens.authorities(who, roles), user.getIdToken(),
                user.getUserInfo());
    }

    /**
     * The ID token's and user info's claims; where those carry no roles (Keycloak puts realm roles in the access
     * token unless told otherwise), the access token's, read unverified: it came straight from the token endpoint.
     */
    private Map<String, Object> claims(OidcUser user, OidcUserRequest request) {
        if (!identities.tokenRoles(user.getClaims()).isEmpty()) {
            return user.getClaims();
        }
        try {
            Map<String, Object> claims = new HashMap<>(user.getClaims());
            claims.putAll(JWTParser.parse(request.getAccessToken().getTokenValue()).getJWTClaimsSet().getClaims());
            return claims;
        } catch (ParseException opaque) {
            return user.getClaims();
        }
    }
}
