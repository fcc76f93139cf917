package org.mandate.app.security;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;

import java.util.Collection;
import java.util.Set;

/**
 * Someone signed in with the identity provider, as the Mandate person they are: their name is the person's id (what
 * every page and event uses), whatever claim or mail address it was found by; the roles the provider granted at
 * sign-in stay with the session, the directory's are read afresh on each request ({@link SessionStandingFilter}).
 */
final class PersonOidcUser extends DefaultOidcUser {

    private final String personId;
    private final Set<String> providerRoles;

    PersonOidcUser(String personId, Set<String> providerRoles, Collection<? extends GrantedAuthority> authorities,
                   OidcIdToken idToken, OidcUserInfo userInfo) {
        super(authorities, idToken, userInfo);
        this.personId = personId;
        this.providerRoles = Set.copyOf(providerRoles);
    }

    @Override
    public String getName() {
        return personId;
    }

    Set<String> providerRoles() {
        return providerRoles;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PersonOidcUser that && super.equals(that) && personId.equals(that.personId);
    }

    @Override
    public int hashCode() {
        return 31 * super.hashCode() + personId.hashCode();
    }
}
