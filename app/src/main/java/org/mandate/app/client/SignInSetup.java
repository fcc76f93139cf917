package org.mandate.app.client;

import org.mandate.app.security.SecuritySettings;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
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
    private static final String KEYS = "spring.security.oauth2.resourceserver.jwt.jwk-set-uri";
    private static final String AUDIENCES = "spring.security.oauth2.resourceserver.jwt.audiences";

    /** A provider on the login page: its name there, its registration id and the issuer it trusts. */
    record Provider(String name, String registrationId, String clientId, String issuer) {
    }

    record Setup(List<Provider> providers, String tokenIssuer, String audiences, boolean bearerTokens,
                 boolean localPasswords, boolean basicAuth, String personClaim, String rolesClaim,
                 boolean joinOnFirstSignIn) {
    }

    private final Setup setup;

    /**
     * Bearer tokens count as on when the resource server is configured (an issuer, or a key set address), as Spring
     * Boot then makes the decoder the API's chain takes them with; read from the settings rather than from the
     * decoder, since a test's own identity provider in the same JVM brings a decoder of its own.
     */
    SignInSetup(ObjectProvider<ClientRegistrationRepository> registrations, SecuritySettings settings,
                Environment environment) {
        List<Provider> providers = new ArrayList<>();
        if (registrations.getIfAvailable() instanceof Iterable<?> configured) {
            for (Object registration : configured) {
                ClientRegistration provider = (ClientRegistration) registration;
                providers.add(new Provider(provider.getClientName(), provider.getRegistrationId(),
                        provider.getClientId(), provider.getProviderDetails().getIssuerUri()));
            }
        }
        String issuer = blankAsNull(environment.getProperty(ISSUER));
        String keys = blankAsNull(environment.getProperty(KEYS));
        setup = new Setup(List.copyOf(providers), issuer != null ? issuer : keys,
                blankAsNull(environment.getProperty(AUDIENCES)), issuer != null || keys != null,
                settings.localPasswords(),
                settings.basicAuth(), settings.personClaim(), settings.rolesClaim(), settings.joinOnFirstSignIn());
    }

    private static String blankAsNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    Setup setup() {
        return setup;
    }
}
