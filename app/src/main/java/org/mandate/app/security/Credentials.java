package org.mandate.app.security;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** Stored password hashes; a person's roles and whether they still work here come from the directory. */
@Component
public class Credentials {

    private final JdbcTemplate jdbc;
    private final PasswordEncoder encoder;

    Credentials(JdbcTemplate jdbc, PasswordEncoder encoder) {
        this.jdbc = jdbc;
        this.encoder = encoder;
    }

    public void set(String personId, String rawPassword) {
        String hash = encoder.encode(rawPassword);
        if (jdbc.update("update credential set password_hash = ? where person_id = ?", hash, personId) == 0) {
            jdbc.update("insert into credential (person_id, password_hash, enabled) values (?, ?, ?)", personId, hash,
                    true);
        }
    }

    public boolean exists(String personId) {
        return hash(personId).isPresent();
    }

    Optional<String> hash(String personId) {
        return jdbc.query("select password_hash from credential where person_id = ? and enabled = ?",
                (row, n) -> row.getString(1), personId, true).stream().findFirst();
    }
}
