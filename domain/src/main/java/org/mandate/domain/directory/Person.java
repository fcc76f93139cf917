package org.mandate.domain.directory;

import java.util.Set;

/** What the rules need to know about a person at the moment they are applied. */
public record Person(PersonId id, String name, PersonId manager, Set<Role> roles, Authority authority, boolean active) {

    public Person {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /**
     * Someone whose work is watching over decisions (auditing, administering, shaping paths) with no authority of
     * their own: pickers for lending a step or granting a mandate do not offer them.
     */
    public boolean oversightOnly() {
        return authority.limits().isEmpty() && (has(Role.AUDITOR) || has(Role.ADMIN) || has(Role.PROCESS_OWNER));
    }
}
