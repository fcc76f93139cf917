package org.mandate.app.security;

import org.mandate.domain.directory.Directory;
import org.mandate.domain.directory.Person;
import org.mandate.domain.directory.PersonId;
import org.mandate.domain.directory.Role;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Everyone in the directory with a password is staff; their directory roles add AUDITOR, PROCESS_OWNER, ADMIN. */
@Component
class PersonUserDetailsService implements UserDetailsService {

    static final String STAFF = "STAFF";

    private final Directory directory;
    private final Credentials credentials;

    PersonUserDetailsService(Directory directory, Credentials credentials) {
        this.directory = directory;
        this.credentials = credentials;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        Person person = directory.find(PersonId.of(username))
                .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
        String hash = credentials.hash(username).orElseThrow(() -> new UsernameNotFoundException("no password"));
        return User.withUsername(username).password(hash).authorities(authorities(person.roles()))
                .disabled(!person.active()).build();
    }

    /** Staff, and the person's directory roles; a session compares these with the directory on every request. */
    static List<SimpleGrantedAuthority> authorities(Set<Role> roles) {
        List<SimpleGrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority("ROLE_" + STAFF));
        roles.forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role.name())));
        return authorities;
    }
}
