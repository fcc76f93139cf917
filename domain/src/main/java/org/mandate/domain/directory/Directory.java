package org.mandate.domain.directory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Read access to the people the rules talk about; implemented by the directory projection. */
public interface Directory {

    Optional<Person> find(PersonId id);

    List<Person> withRole(Role role);

    /** Everyone whose manager this person is, left or not. */
    List<Person> reportingTo(PersonId manager);

    /** The person's managers, nearest first, without the person themself. */
    default List<Person> managementChainAbove(PersonId id) {
        List<Person> chain = new ArrayList<>();
        PersonId next = find(id).map(Person::manager).orElse(null);
        while (next != null && chain.size() < 64) {
            Person manager = find(next).orElse(null);
            if (manager == null || chain.contains(manager)) {
                break;
            }
            chain.add(manager);
            next = manager.manager();
        }
        return chain;
    }
}
