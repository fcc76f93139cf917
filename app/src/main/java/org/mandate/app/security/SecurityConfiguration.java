package org.mandate.app.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletResponse;
import org.mandate.app.outage.OutageAnswers;
import org.mandate.domain.directory.Role;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.context.SecurityContextHolderFilter;

import java.io.IOException;
import java.time.Clock;

/** Roles beyond staff are checked on the controllers with {@code @PreAuthorize}, next to what they guard. */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@EnableConfigurationProperties(SecuritySettings.class)
class SecurityConfiguration {

    /** bcrypt, with recent successful checks remembered briefly (see {@link RememberedPasswordChecks}); 0 turns that off. */
    @Bean
    PasswordEncoder passwordEncoder(SecuritySettings settings) {
        return new RememberedPasswordChecks(PasswordEncoderFactories.createDelegatingPasswordEncoder(),
                settings.passwordCheckCache(), Clock.systemUTC());
    }

    /** Failed logins per account and per client address, in this node's memory (see {@link LoginThrottle}). */
    @Bean
    LoginThrottle loginThrottle(SecuritySettings settings, MeterRegistry meters) {
        LoginThrottle throttle = new LoginThrottle(settings.loginThrottle(), Clock.systemUTC());
        Gauge.builder("mandate.login.throttle.locked", throttle, LoginThrottle::locked)
                .description("Accounts and client addresses locked out on this node right now").register(meters);
        return throttle;
    }

    /** The one password check behind form login and HTTP Basic. */
    @Bean
    ThrottledLogins logins(PersonUserDetailsService people, PasswordEncoder encoder, LoginThrottle throttle,
                           MeterRegistry meters) {
        return new ThrottledLogins(people, encoder, throttle, meters);
    }

    /**
     * The API is stateless: HTTP Basic (unless {@code mandate.security.basic-auth=false}) and, when an issuer is
     * configured ({@code spring.security.oauth2.resourceserver.jwt.issuer-uri}), bearer tokens from it. No session
     * cookie is ever issued for it, so there is nothing for a cross-site request to ride on and CSRF tokens are not
     * needed there. Every call checks the password or token and loads the person afresh, so a departure or a role
     * change applies to the next call.
     */
    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ObjectMapper json, ThrottledLogins logins, OutageAnswers outages,
                            ObjectProvider<JwtDecoder> tokens, Identities identities,
                            SecuritySettings settings) throws Exception {
        boolean basic = settings.basicAuth();
        JwtDecoder decoder = tokens.getIfAvailable();
        ApiEntryPoint entryPoint = new ApiEntryPoint(json, outages, basic, decoder != null);
        http.securityMatcher("/api/**")
                .authenticationManager(logins)
                .authorizeHttpRequests(requests -> requests.anyRequest().access(new ClientScopeRules()))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler((request, response, exception) ->
                                problem(response, json, HttpStatus.FORBIDDEN,
                                        SecurityContextHolder.getContext().getAuthentication()
                                                instanceof SystemClientToken client
                                                ? ClientScopeRules.refusal(client, request)
                                                : "Your role does not allow this. Ask an administrator if you "
                                                + "need it.")))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable());
        if (basic) {
            http.httpBasic(httpBasic -> httpBasic.authenticationEntryPoint(entryPoint));
        }
        if (decoder != null) {
            BearerTokens.accept(http, decoder, new PersonTokens(identities, false), entryPoint);
        }
        return http.build();
    }

    /**
     * Prometheus scrapes with HTTP Basic, as the scrape account or as an administrator; health stays open for load
     * balancers and container health checks. Basic rather than a separate management port: it protects the
     * metrics wherever the scraper runs (another container, another host) without relying on network layout.
     */
    @Bean
    @Order(0)
    SecurityFilterChain metrics(HttpSecurity http, ObjectMapper json, PasswordEncoder encoder,
                                PersonUserDetailsService people, LoginThrottle throttle, MeterRegistry meters,
                                OutageAnswers outages, ObjectProvider<JwtDecoder> tokens, Identities identities,
                                @Value("${mandate.metrics.username:prometheus}") String username,
                                @Value("${mandate.metrics.password:}") String password) throws Exception {
        ThrottledLogins scrapers = new ThrottledLogins(new ScrapeAccounts(username, password, encoder, people),
                encoder, throttle, meters);
        http.securityMatcher("/actuator/prometheus")
                .authenticationManager(scrapers)
                .authorizeHttpRequests(requests -> requests.anyRequest()
                        .hasAnyRole(ScrapeAccounts.METRICS, Role.ADMIN.name()))
                .httpBasic(basic -> basic.authenticationEntryPoint((request, response, exception) -> {
                    if (exception instanceof LoginThrottledException throttled) {
                        tooManyFailures(response, json, throttled);
                        return;
                    }
                    response.setHeader("WWW-Authenticate", "Basic realm=\"Mandate metrics\"");
                    problem(response, json, HttpStatus.UNAUTHORIZED, "Metrics need HTTP Basic as the scrape account "
                            + "(mandate.metrics.username and mandate.metrics.password) or as an administrator.");
                }))
                .exceptionHandling(errors -> errors.accessDeniedHandler((request, response, exception) ->
                        problem(response, json, HttpStatus.FORBIDDEN, "Only the scrape account, tokens with the "
                                + "METRICS role and administrators read the metrics.")))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable());
        JwtDecoder decoder = tokens.getIfAvailable();
        if (decoder != null) {
            // a scraper's client-credentials token with the METRICS role, or an administrator's own token
            BearerTokens.accept(http, decoder, new PersonTokens(identities, true),
                    new ApiEntryPoint(json, outages, true, true));
        }
        return http.build();
    }

    /**
     * Pages keep a session, begun with a password (unless {@code mandate.security.local-passwords=false}) or with
     * the organisation's identity provider ({@link PageSignIn}). Each request of it is checked against the directory
     * first ({@link SessionStandingFilter}). Redirects are relative (with Tomcat's use-relative-redirects): none is built from
     * the Host header a client sent.
     */
    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, ThrottledLogins logins, AccountStanding standing,
                              Identities identities, FirstSignIns firstSignIns, OutageAnswers outages,
                              ObjectProvider<ClientRegistrationRepository> providers,
                              SecuritySettings settings) throws Exception {
        boolean localPasswords = settings.localPasswords();
        LoginUrlAuthenticationEntryPoint loginPage = new LoginUrlAuthenticationEntryPoint("/login");
        loginPage.setFavorRelativeUris(true);
        SavedRequestAwareAuthenticationSuccessHandler backToWhereTheyWere =
                new SavedRequestAwareAuthenticationSuccessHandler();
        backToWhereTheyWere.setDefaultTargetUrl("/");
        backToWhereTheyWere.setRedirectStrategy(new RelativeRedirects());
        http
                .authenticationManager(logins)
                .addFilterAfter(new SessionStandingFilter(standing, identities), SecurityContextHolderFilter.class)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/login", "/login/refused", "/css/**", "/js/**", "/favicon.ico",
                                "/favicon.svg", "/error").permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        // a decide-from-the-mail link is its own authority for one decision (MailActionPage)
                        .requestMatchers("/mail/act/**").permitAll()
                        .anyRequest().hasRole(PersonUserDetailsService.STAFF))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(loginPage))
                .logout(logout -> logout.logoutSuccessUrl("/login?logout").deleteCookies("JSESSIONID"))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(PageHeaders.contentSecurityPolicy(
                                PageSignIn.endSessionOrigins(providers.getIfAvailable()))))
                        .referrerPolicy(referrer -> referrer.policy(PageHeaders.REFERRER_POLICY))
                        .frameOptions(frames -> frames.deny())
                        .addHeaderWriter(PageHeaders.permissionsPolicy()));
        if (localPasswords) {
            http.formLogin(form -> form.loginPage("/login").successHandler(backToWhereTheyWere)
                    .failureHandler((request, response, exception) -> {
                        if (!outages.answeredOutage(exception, request, response)) {
                            response.sendRedirect(exception instanceof LoginThrottledException throttled
                                    ? "/login?throttled=" + throttled.retryAfterSeconds() : "/login?error");
                        }
                    })
                    .permitAll());
        }
        ClientRegistrationRepository registrations = providers.getIfAvailable();
        if (registrations != null) {
            PageSignIn.accept(http, logins, registrations, identities, firstSignIns, backToWhereTheyWere);
        }
        return http.build();
    }

    static void tooManyFailures(HttpServletResponse response, ObjectMapper json,
                                        LoginThrottledException throttled) throws IOException {
        response.setHeader("Retry-After", Long.toString(throttled.retryAfterSeconds()));
        problem(response, json, HttpStatus.TOO_MANY_REQUESTS, "Too many failed logins for this account or from "
                + "this address. Wait " + throttled.retryAfterSeconds() + " s (Retry-After), then log in again "
                + "with the right password; ask an administrator if you have forgotten it.");
    }

    static void problem(HttpServletResponse response, ObjectMapper json, HttpStatus status, String detail)
            throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
