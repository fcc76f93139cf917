package org.mandate.domain.directory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The demo school of DESIGN.md as an in-memory directory, for tests that need real reporting lines. */
public final class SchoolDirectory implements Directory {

    private final Map<PersonId, Person> people = new LinkedHashMap<>();

    public static SchoolDirectory school() {
        return new SchoolDirectory()
                .with("pat", null, Authority.upTo(50_000))
                .with("vera", "pat", Authority.upTo(10_000))
                .with("omar", "pat", Authority.upTo(10_000))
                .with("sofia", "vera", Authority.upTo(2_000))
                .with("liam", "vera", Authority.upTo(2_000))
                .with("ana", "sofia", Authority.none())
                .with("ben", "liam", Authority.none())
                .with("fay", "omar", Authority.none(), Role.FINANCE);
    }

    public SchoolDirectory with(String id, String manager, Authority authority, Role... roles) {
        people.put(PersonId.of(id), new Person(PersonId.of(id), id, manager == null ? null : PersonId.of(manager),
                Set.of(roles), authority, true));
        return this;
    }

    /** Marks a person as having left, as the directory shows them after a departure. */
    public SchoolDirectory left(String id) {
        Person person = people.get(PersonId.of(id));
        people.put(person.id(), new Person(person.id(), person.name(), person.manager(), person.roles(),
                person.authority(), false));
        return this;
    }

    @Override
    public Optional<Person> find(PersonId id) {
        return Optional.ofNullable(people.get(id));
    }

    @Override
    public List<Person> reportingTo(PersonId manager) {
        return people.values().stream().filter(person -> manager.equals(person.manager())).toList();
    }

    @Override
    public List<Person> withRole(Role role) {
        return people.values().stream().filter(person -> person.has(role)).toList();
    }
}
