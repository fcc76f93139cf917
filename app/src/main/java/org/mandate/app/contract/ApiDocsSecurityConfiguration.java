package org.mandate.app.contract;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The OpenAPI document is for logged-in people and systems: a browser session (Swagger UI, under the pages' own
 * Content-Security-Policy) or HTTP Basic, as for the API. Swagger UI itself goes through the pages' login.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocsSecurityConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain apiDocs(HttpSecurity http) throws Exception {
        return http.securityMatcher("/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .httpBasic(basic -> basic.realmName("Mandate"))
                .csrf(csrf -> csrf.disable())
                .build();
    }
}
