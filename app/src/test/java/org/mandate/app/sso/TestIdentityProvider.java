package org.mandate.app.sso;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.test.context.DynamicPropertyRegistry;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real OpenID Connect provider for the single sign-on tests: Spring Authorization Server in this JVM, on its own
 * random port on 127.0.0.1, serving discovery, its signing keys, the authorization, token, user-info and logout
 * endpoints and a login page over HTTP. Its users (password {@code secret}) carry their roles as Keycloak does,
 * in {@code realm_access.roles}, and their user name as {@code preferred_username}.
 *
 * <p>Clients: {@code mandate} (the pages' login, its redirect addresses set with {@link #registerMandate}),
 * {@code mandate-cli} (a person's API client), {@code other-app} (a token meant for someone else), {@code
 * expired-tokens} (whose tokens are issued already expired), {@code purchasing} and {@code reporting} (systems using
 * their own client-credentials tokens). Secrets are {@code <client>-secret}.
 */
public final class TestIdentityProvider implements AutoCloseable {

    static final String PASSWORD = "secret";
    static final String REDIRECT = "http://127.0.0.1:1/callback";

    /**
     * The client whose tokens carry, as realm roles, exactly the roles the demo school's directory gives (and no
     * others): what the authorization matrix needs to expect the same answers with bearer tokens as with Basic.
     */
    public static final String MATRIX_CLIENT = "matrix-cli";

    private static final Map<String, List<String>> DIRECTORY_ROLES = Map.of("ada", List.of("auditor"),
            "olu", List.of("process-owner"), "ivy", List.of("admin"), "fay", List.of("finance"));

    /** What a provider knows of a person beyond their user name (for joining on first sign-in). */
    private static final Map<String, Map<String, Object>> PROFILES = Map.of(
            "kit", Map.of("name", "Kit Newman", "email", "kit@school.example", "email_verified", true),
            "rae", Map.of("given_name", "Rae", "family_name", "Okoye"));

    private static TestIdentityProvider shared;

    private final ConfigurableApplicationContext context;
    private final int port;
    private final java.util.Set<String> mandates = new java.util.LinkedHashSet<>();

    private TestIdentityProvider(ConfigurableApplicationContext context) {
        this.context = context;
        this.port = ((ServletWebServerApplicationContext) context).getWebServer().getPort();
    }

    /**
     * The one provider of the test run, started on first use and stopped when the JVM ends: every Spring context of
     * Mandate that signs in with it (each on its own port) is registered with it as a client.
     */
    public static synchronized TestIdentityProvider shared() {
        if (shared == null) {
            shared = start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "test-identity-provider-stop"));
        }
        return shared;
    }

    static TestIdentityProvider start() {
        return new TestIdentityProvider(new SpringApplicationBuilder(Provider.class)
                .web(WebApplicationType.SERVLET)
                // none of Mandate's application.yaml: this is another application
                .properties("spring.config.name=mandate-test-identity-provider", "server.port=0",
                        "server.address=127.0.0.1",
                        // cookies do not tell ports apart: the provider's session must not replace Mandate's
                        "server.servlet.session.cookie.name=IDP_SESSION", "spring.main.banner-mode=off")
                .run());
    }

    public String issuer() {
        return "http://127.0.0.1:" + port;
    }

    /**
     * Mandate's login client, with the exact addresses of every Mandate under test (one per Spring context) for
     * login and after logout.
     */
    public synchronized void registerMandate(String mandateBaseUrl) {
        mandates.add(mandateBaseUrl);
        RegisteredClient.Builder mandate = client("mandate").scope(OidcScopes.PROFILE).scope(OidcScopes.EMAIL);
        for (String base : mandates) {
            mandate.redirectUri(base + "/login/oauth2/code/idp").postLogoutRedirectUri(base + "/login?logout");
        }
        context.getBean(InMemoryRegisteredClientRepository.class).save(mandate.build());
    }

    @Override
    public void close() {
        context.close();
    }

    private static RegisteredClient.Builder client(String id) {
        return RegisteredClient.withId(id).clientId(id).clientSecret("{noop}" + id + "-secret")
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .redirectUri(REDIRECT).scope(OidcScopes.OPENID);
    }

    /** Not a {@code @Configuration}: Mandate's own component scan must never pick it up. */
    @ImportAutoConfiguration({PropertyPlaceholderAutoConfiguration.class, SecurityAutoConfiguration.class,
            SecurityFilterAutoConfiguration.class,
            ServletWebServerFactoryAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
            WebMvcAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class,
            JacksonAutoConfiguration.class})
    static class Provider {

        @Bean
        @Order(1)
        SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
            OAuth2AuthorizationServerConfigurer server = OAuth2AuthorizationServerConfigurer.authorizationServer();
            return http.securityMatcher(server.getEndpointsMatcher())
                    .with(server, configurer -> configurer.oidc(Customizer.withDefaults()))
                    .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                    .exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(
                            new LoginUrlAuthenticationEntryPoint("/login"),
                            new MediaTypeRequestMatcher(MediaType.TEXT_HTML)))
                    .build();
        }

        @Bean
        @Order(2)
        SecurityFilterChain loginPage(HttpSecurity http) throws Exception {
            return http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                    .formLogin(Customizer.withDefaults()).build();
        }

        @Bean
        UserDetailsService users() {
            return new InMemoryUserDetailsManager(
                    person("sofia", "auditor"), person("ben"), person("liam"), person("ada"), person("ivy", "ADMIN"),
                    person("olu", "process-owner", "unrelated-group"),
                    // the rest of the authorization matrix's people, and two who leave in tests
                    person("ana"), person("fay"), person("omar"), person("vera"), person("leo"), person("max"), person("mia"),
                    // known to the provider only: Mandate has no person for them (zoe is refused; kit and rae join
                    // where joining on first sign-in is on)
                    person("zoe"), person("kit"), person("rae"),
                    // named by mail address: Mandate finds Ana by the address recorded for her
                    person("ana@school.example"));
        }

        private static org.springframework.security.core.userdetails.UserDetails person(String name,
                                                                                         String... roles) {
            return User.withUsername(name).password("{noop}" + PASSWORD).authorities(roles.length == 0
                    ? new String[]{"member"} : roles).build();
        }

        @Bean
        InMemoryRegisteredClientRepository clients() {
            return new InMemoryRegisteredClientRepository(
                    client("mandate").scope(OidcScopes.PROFILE).build(),
                    client("mandate-cli").build(), client(MATRIX_CLIENT)
                            // the matrix's run outlasts the usual five minutes
                            .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(Duration.ofHours(1))
                                    .build()).build(), client("other-app").build(),
                    client("expired-tokens").build(),
                    // systems with their own client-credentials tokens (registered in Mandate by the tests)
                    client("purchasing").build(), client("reporting").build(), client("prometheus").build());
        }

        /** What Keycloak puts in its tokens, so that Mandate's settings for Keycloak are the ones tested. */
        @Bean
        OAuth2TokenCustomizer<JwtEncodingContext> keycloakLikeClaims() {
            return context -> {
                if (context.getAuthorizationGrantType().equals(AuthorizationGrantType.AUTHORIZATION_CODE)
                        || context.getAuthorizationGrantType().equals(AuthorizationGrantType.REFRESH_TOKEN)) {
                    var user = context.getPrincipal();
                    context.getClaims().claim("preferred_username", user.getName())
                            .claim("realm_access", Map.of("roles", user.getAuthorities().stream()
                                    .map(GrantedAuthority::getAuthority).toList()));
                    PROFILES.getOrDefault(user.getName(), Map.of()).forEach(context.getClaims()::claim);
                    if (context.getRegisteredClient().getClientId().equals(MATRIX_CLIENT)) {
                        context.getClaims().claim("realm_access", Map.of("roles",
                                DIRECTORY_ROLES.getOrDefault(user.getName(), List.of())));
                    }
                }
                if (context.getRegisteredClient().getClientId().equals("prometheus")) {
                    // a scraper's own token, with a role as Keycloak would carry it
                    context.getClaims().claim("realm_access", Map.of("roles", List.of("metrics")));
                }
                if (context.getRegisteredClient().getClientId().equals("expired-tokens")) {
                    Instant past = Instant.now().minus(10, ChronoUnit.MINUTES);
                    context.getClaims().issuedAt(past).notBefore(past).expiresAt(past.plus(5, ChronoUnit.MINUTES));
                }
            };
        }

        @Bean
        JWKSource<SecurityContext> keys() {
            return new ImmutableJWKSet<>(new JWKSet(rsaKey()));
        }

        @Bean
        JwtDecoder jwtDecoder(JWKSource<SecurityContext> keys) {
            return OAuth2AuthorizationServerConfiguration.jwtDecoder(keys);
        }

        @Bean
        AuthorizationServerSettings settings() {
            return AuthorizationServerSettings.builder().build();
        }
    }

    /** A fresh RSA signing key with its own id. */
    static RSAKey rsaKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            return new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
                    .keyID(UUID.randomUUID().toString()).build();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * An access token for a user, the way a command-line client gets one: the authorization code flow over HTTP,
     * through the provider's own login form (no browser needed, no redirect followed off the provider).
     */
    public String accessToken(String user, String clientId) {
        try {
            HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER).build();
            String authorize = issuer() + "/oauth2/authorize?response_type=code&client_id=" + clientId
                    + "&scope=openid&state=s1&redirect_uri=" + encode(REDIRECT);
            HttpResponse<String> toLogin = http.send(get(authorize), BodyHandlers.ofString());
            assertStatus(toLogin, 302);
            HttpResponse<String> loginPage = http.send(get(issuer() + "/login"), BodyHandlers.ofString());
            Matcher csrf = Pattern.compile("name=\"_csrf\" type=\"hidden\" value=\"([^\"]+)\"")
                    .matcher(loginPage.body());
            if (!csrf.find()) {
                throw new AssertionError("no CSRF token on the provider's login page: " + loginPage.body());
            }
            HttpResponse<String> loggedIn = http.send(HttpRequest.newBuilder(URI.create(issuer() + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(BodyPublishers.ofString("username=" + encode(user) + "&password=" + PASSWORD + "&_csrf="
                            + encode(csrf.group(1)))).build(), BodyHandlers.ofString());
            assertStatus(loggedIn, 302);
            String back = loggedIn.headers().firstValue("Location").orElseThrow();
            HttpResponse<String> withCode = http.send(get(back.startsWith("http") ? back : issuer() + back),
                    BodyHandlers.ofString());
            assertStatus(withCode, 302);
            Matcher code = Pattern.compile("[?&]code=([^&]+)")
                    .matcher(withCode.headers().firstValue("Location").orElseThrow());
            if (!code.find()) {
                throw new AssertionError("no code in " + withCode.headers().firstValue("Location"));
            }
            return token(http, clientId, "grant_type=authorization_code&code=" + code.group(1) + "&redirect_uri="
                    + encode(REDIRECT));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A client's own token (client-credentials grant): it names no person. */
    public String clientToken(String clientId) {
        try {
            return token(HttpClient.newHttpClient(), clientId, "grant_type=client_credentials");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The access token the token endpoint answers a grant with, the client authenticating with its secret. */
    private String token(HttpClient http, String clientId, String grant) throws IOException, InterruptedException {
        HttpResponse<String> token = http.send(HttpRequest.newBuilder(URI.create(issuer() + "/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (clientId + ":" + clientId + "-secret").getBytes(StandardCharsets.UTF_8)))
                .POST(BodyPublishers.ofString(grant)).build(), BodyHandlers.ofString());
        assertStatus(token, 200);
        return new ObjectMapper().readTree(token.body()).path("access_token").asText();
    }

    /**
     * Points a Mandate test context at this provider: its tokens accepted by the API (for the audiences the caller
     * adds), roles read from them as Keycloak puts them, and the pages' login through it as the client "mandate".
     */
    void signInThroughThisProvider(DynamicPropertyRegistry properties) {
        properties.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", this::issuer);
        properties.add("mandate.security.roles-claim", () -> "realm_access.roles");
        properties.add("spring.security.oauth2.client.registration.idp.client-id", () -> "mandate");
        properties.add("spring.security.oauth2.client.registration.idp.client-secret", () -> "mandate-secret");
        properties.add("spring.security.oauth2.client.registration.idp.client-name", () -> "School login");
        properties.add("spring.security.oauth2.client.registration.idp.scope", () -> "openid,profile,email");
        properties.add("spring.security.oauth2.client.provider.idp.issuer-uri", this::issuer);
    }

    private static HttpRequest get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).GET().build();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static void assertStatus(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new AssertionError(response.request().method() + " " + response.uri() + " answered "
                    + response.statusCode() + " " + response.headers().map() + " " + response.body());
        }
    }
}
