package org.mandate.app.security;

import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;

/**
 * Bearer tokens on a filter chain: Spring Boot's decoder checks signature (against the issuer's published keys),
 * issuer, expiry and, with {@code spring.security.oauth2.resourceserver.jwt.audiences}, the audience; {@link
 * PersonTokens} then finds the person. Every refusal, of the token or of the person, goes to the chain's entry
 * point, so the caller always gets problem+json (Spring's own failure handler would rethrow some as errors).
 */
final class BearerTokens {

    private BearerTokens() {
    }

    static void accept(HttpSecurity http, JwtDecoder decoder, PersonTokens people, ApiEntryPoint entryPoint)
            throws Exception {
        JwtAuthenticationProvider provider = new JwtAuthenticationProvider(decoder);
        provider.setJwtAuthenticationConverter(people);
        http.oauth2ResourceServer(server -> server.authenticationEntryPoint(entryPoint)
                .jwt(jwt -> jwt.authenticationManager(new ProviderManager(provider)))
                .withObjectPostProcessor(new ObjectPostProcessor<BearerTokenAuthenticationFilter>() {
                    @Override
                    public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
                        filter.setAuthenticationFailureHandler(entryPoint::commence);
                        return filter;
                    }
                }));
    }
}
