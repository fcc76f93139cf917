package org.mandate.app.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.mandate.app.outage.OutageAnswers;
import org.mandate.domain.directory.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

/** Roles beyond staff are checked on the controllers with {@code @PreAuthorize}, next to what they guard. */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    /** bcrypt, with recent successful checks remembered briefly (see {@link RememberedPasswordChecks}); 0 turns that off. */
    @Bean
    PasswordEncoder passwordEncoder(@Value("${mandate.security.password-check-cache:60s}") Duration remembered) {
        return new RememberedPasswordChecks(PasswordEncoderFactories.createDelegatingPasswordEncoder(), remembered,
                Clock.systemUTC());
    }

    /**
     * The API is stateless HTTP Basic: no session cookie is ever issued for it, so there is nothing for a
     * cross-site request to ride on and CSRF tokens are not needed there.
     */
    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ObjectMapper json, OutageAnswers outages) throws Exception {
        return http.securityMatcher("/api/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().hasRole(PersonUserDetailsService.STAFF))
                .httpBasic(basic -> basic.authenticationEntryPoint((request, response, exception) -> {
                    if (outages.answeredOutage(exception, request, response)) {
                        return;
                    }
                    response.setHeader("WWW-Authenticate", "Basic realm=\"Mandate\"");
                    problem(response, json, HttpStatus.UNAUTHORIZED,
                            "Log in first: send your user name and password with HTTP Basic authentication.");
                }))
                .exceptionHandling(errors -> errors.accessDeniedHandler((request, response, exception) ->
                        problem(response, json, HttpStatus.FORBIDDEN,
                                "Your role does not allow this. Ask an administrator if you need it.")))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }

    /**
     * Prometheus scrapes with HTTP Basic, as the scrape account or as an administrator; health stays open for load
     * balancers and container health checks. Basic rather than a separate management port: it protects the
     * metrics wherever the scraper runs (another container, another host) without relying on network layout.
     */
    @Bean
    @Order(0)
    SecurityFilterChain metrics(HttpSecurity http, ObjectMapper json, PasswordEncoder encoder,
                                PersonUserDetailsService people,
                                @Value("${mandate.metrics.username:prometheus}") String username,
                                @Value("${mandate.metrics.password:}") String password) throws Exception {
        DaoAuthenticationProvider scrapers = new DaoAuthenticationProvider(
                new ScrapeAccounts(username, password, encoder, people));
        scrapers.setPasswordEncoder(encoder);
        return http.securityMatcher("/actuator/prometheus")
                .authenticationManager(new ProviderManager(scrapers))
                .authorizeHttpRequests(requests -> requests.anyRequest()
                        .hasAnyRole(ScrapeAccounts.METRICS, Role.ADMIN.name()))
                .httpBasic(basic -> basic.authenticationEntryPoint((request, response, exception) -> {
                    response.setHeader("WWW-Authenticate", "Basic realm=\"Mandate metrics\"");
                    problem(response, json, HttpStatus.UNAUTHORIZED, "Metrics need HTTP Basic as the scrape account "
                            + "(mandate.metrics.username and mandate.metrics.password) or as an administrator.");
                }))
                .exceptionHandling(errors -> errors.accessDeniedHandler((request, response, exception) ->
                        problem(response, json, HttpStatus.FORBIDDEN, "Only the scrape account and administrators "
                                + "read the metrics.")))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, OutageAnswers outages) throws Exception {
        SimpleUrlAuthenticationFailureHandler wrongPassword = new SimpleUrlAuthenticationFailureHandler("/login?error");
        return http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/login", "/css/**", "/js/**", "/favicon.ico", "/error").permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .anyRequest().hasRole(PersonUserDetailsService.STAFF))
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll()
                        .failureHandler((request, response, exception) -> {
                            if (!outages.answeredOutage(exception, request, response)) {
                                wrongPassword.onAuthenticationFailure(request, response, exception);
                            }
                        }))
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(PageHeaders.CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(PageHeaders.REFERRER_POLICY))
                        .frameOptions(frames -> frames.deny())
                        .addHeaderWriter(PageHeaders.permissionsPolicy()))
                .build();
    }

    private static void problem(HttpServletResponse response, ObjectMapper json, HttpStatus status, String detail)
            throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
