package org.mandate.app.security;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.util.Collection;
import java.util.List;

/**
 * A client-credentials token of a registered system client: its name is the person it acts as (so events say who),
 * and it may call only what its scopes allow ({@link ClientScopeRules}); the client id goes into the metadata of
 * every event it causes ({@link ClientInMetadata}).
 */
public final class SystemClientToken extends JwtAuthenticationToken {

    private final String clientId;
    private final List<String> scopes;

    SystemClientToken(Jwt jwt, Collection<? extends GrantedAuthority> authorities, String actsAs, String clientId,
                      List<String> scopes) {
        super(jwt, authorities, actsAs);
        this.clientId = clientId;
        this.scopes = List.copyOf(scopes);
    }

    public String clientId() {
        return clientId;
    }

    List<String> scopes() {
        return scopes;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SystemClientToken that && super.equals(that) && clientId.equals(that.clientId);
    }

    @Override
    public int hashCode() {
        return 31 * super.hashCode() + clientId.hashCode();
    }
}
