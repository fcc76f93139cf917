package org.mandate.domain.directory;

import java.util.Set;

public record PersonJoined(PersonId personId, String name, String title, PersonId manager, Set<Role> roles, Authority authority) {
}
