package org.mandate.domain.directory;

import org.mandate.domain.Personal;

import java.util.Set;

public record PersonJoined(PersonId personId,
                           @Personal(subject = "personId", kind = Personal.Kind.NAME) String name,
                           @Personal(subject = "personId") String title, PersonId manager, Set<Role> roles,
                           Authority authority) {
}
