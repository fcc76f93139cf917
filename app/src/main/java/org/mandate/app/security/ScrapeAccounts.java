package org.mandate.app.security;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Who may log in to {@code /actuator/prometheus}: the configured scrape account (role METRICS), which exists for
 * nothing else, and the people in the directory, of whom only administrators get further. Not a bean: the rest of
 * the application never sees the scrape account.
 */
final class ScrapeAccounts implements UserDetailsService {

    static final String METRICS = "METRICS";

    private final UserDetails scraper;
    private final UserDetailsService people;

    /** Without a password there is no scrape account, and only administrators can read the metrics. */
    ScrapeAccounts(String username, String password, PasswordEncoder encoder, UserDetailsService people) {
        this.scraper = password == null || password.isBlank() ? null
                : User.withUsername(username).password(encoder.encode(password)).roles(METRICS).build();
        this.people = people;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        if (scraper != null && scraper.getUsername().equals(username)) {
            return User.withUserDetails(scraper).build();
        }
        return people.loadUserByUsername(username);
    }
}
