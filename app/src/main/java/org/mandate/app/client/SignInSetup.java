package org.mandate.app.client;

import org.mandate.app.security.SecuritySettings;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * How people and systems sign in, as configured, for the console to show (docs/security.md): the identity
 * providers offered on the login page, the issuer whose bearer tokens the API takes, and Mandate's own settings.
 * Only names and addresses; never a secret.
 */
@Component
class SignInSetup {

    private static final String ISSUER = "spring.security.oauth2.resourceserver.jwt.issuer-uri";
    private static final String AUDIENCES = "spring.security.oauth2.resourceserver.jwt.audiences";

    /** A provider on the login page: its name there, its registration id and the issuer it trusts. */
    record Provider(String name, String registrationId, String clientId, String issuer) {
    }

    record Setup(List<Provider> providers, String tokenIssuer, String audiences, boolean bearerTokens,
                 boolean localPasswords, boolean basicAuth, String personClaim, String rolesClaim,
                 boolean joinOnFirstSignIn) {
    }

    private final Setup setup;

    SignInSetup(ObjectProvider<ClientRegistrationRepository> registrations, ObjectProvider<JwtDecoder> tokens,
                SecuritySettings settings, Environment environment) {
        List<Provider> providers = new ArrayList<>();
        if (registrations.getIfAvailable() instanceof Iterable<?> configured) {
            for (Object registration : configured) {
                ClientRegistration provider = (ClientRegistration) registration;
                providers.add(new Provider(provider.getClientName(), provider.getRegistrationId(),
                        provider.getClientId(), provider.getProviderDetails().getIssuerUri()));
            }
        }
        String issuer = environment.getProperty(ISSUER);
        setup = new Setup(List.copyOf(providers), issuer == null || issuer.isBlank() ? null : issuer,
                environment.getProperty(AUDIENCES), tokens.getIfAvailable() != null, settings.localPasswords(),
                settings.basicAuth(), settings.personClaim(), settings.rolesClaim(), settings.joinOnFirstSignIn());
    }

    Setup setup() {
        return setup;
    }
}
