package org.mandate.app.security;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.authentication.OAuth2LoginAuthenticationToken;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.oidc.authentication.OidcAuthorizationCodeAuthenticationProvider;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;

import java.net.URI;
import java.util.Set;
import java.util.TreeSet;

/**
 * Single sign-on for the pages, on when Spring Boot's {@code spring.security.oauth2.client.registration.*} names a
 * provider: the login page offers it beside (or, with {@code mandate.security.local-passwords=false}, instead of)
 * the password form. An identity Mandate refuses lands on {@code /login/refused}, which says why and whom to ask;
 * logging out ends Mandate's session and, where the provider publishes an end-session endpoint, the provider's
 * (RP-initiated logout), coming back to the login page.
 */
final class PageSignIn {

    /** Where the refusal's text waits for the page that shows it (the session outlives the failed sign-in). */
    static final String REFUSAL = PageSignIn.class.getName() + ".refusal";

    private static final Logger log = LoggerFactory.getLogger(PageSignIn.class);

    private PageSignIn() {
    }

    /**
     * The chain's one authentication manager: passwords go to {@code passwords} (throttled), the provider's answers
     * to an OpenID Connect code exchange whose user is found by {@link PersonOidcUsers}. Spring would otherwise put
     * both behind a manager that retries a refused password against an unthrottled parent.
     */
    static void accept(HttpSecurity http, AuthenticationManager passwords, ClientRegistrationRepository registrations,
                       Identities identities, FirstSignIns firstSignIns,
                       AuthenticationSuccessHandler backToWhereTheyWere) throws Exception {
        PersonOidcUsers people = new PersonOidcUsers(identities, firstSignIns);
        AuthenticationManager signIns = new ProviderManager(new OidcAuthorizationCodeAuthenticationProvider(
                new RestClientAuthorizationCodeTokenResponseClient(), people));
        http.authenticationManager(login -> login instanceof OAuth2LoginAuthenticationToken
                ? signIns.authenticate(login) : passwords.authenticate(login));
        OidcClientInitiatedLogoutSuccessHandler logout = new OidcClientInitiatedLogoutSuccessHandler(registrations);
        logout.setPostLogoutRedirectUri("{baseUrl}/login?logout");
        logout.setDefaultTargetUrl("/login?logout");
        http.oauth2Login(login -> login.loginPage("/login")
                        .userInfoEndpoint(info -> info.oidcUserService(people))
                        .successHandler(backToWhereTheyWere)
                        .failureHandler((request, response, exception) -> {
                            if (exception instanceof IdentityRefusedException refused) {
                                remember(request, refused);
                                response.sendRedirect("/login/refused");
                                return;
                            }
                            log.info("A sign-in with the identity provider failed: {}", exception.toString());
                            response.sendRedirect("/login?sso-error");
                        }))
                .logout(out -> out.logoutSuccessHandler(logout));
    }

    /** Where logging out may send the browser: the origin of each provider's end-session endpoint. */
    static Set<String> endSessionOrigins(ClientRegistrationRepository registrations) {
        Set<String> origins = new TreeSet<>();
        if (registrations instanceof Iterable<?> all) {
            for (Object registration : all) {
                Object endpoint = ((ClientRegistration) registration).getProviderDetails().getConfigurationMetadata()
                        .get("end_session_endpoint");
                if (endpoint != null) {
                    URI uri = URI.create(endpoint.toString());
                    origins.add(uri.getScheme() + "://" + uri.getRawAuthority());
                }
            }
        }
        return origins;
    }

    private static void remember(HttpServletRequest request, IdentityRefusedException refused) {
        request.getSession(true).setAttribute(REFUSAL, new Refusal(refused.claimed(), refused.departed(),
                refused.getMessage(), refused.key(), refused.args()));
    }

    /**
     * What the refused page shows: who the provider said, whether they left, and why: in the page's language from
     * {@code key} and {@code args} when the refusal has them, else the English {@code why}.
     */
    public record Refusal(String claimed, boolean departed, String why, String key, String[] args)
            implements java.io.Serializable {
    }
}
