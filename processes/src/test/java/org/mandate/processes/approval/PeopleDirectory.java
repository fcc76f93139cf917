package org.mandate.processes.approval;

import org.mandate.domain.directory.Directory;
import org.mandate.domain.directory.Person;
import org.mandate.domain.directory.PersonId;
import org.mandate.domain.directory.Role;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** A directory of a few people, for routing on a bare engine. */
final class PeopleDirectory implements Directory {

    private final Map<String, Person> people;

    PeopleDirectory(Person... people) {
        this.people = Stream.of(people).collect(Collectors.toMap(person -> person.id().value(), Function.identity()));
    }

    @Override
    public Optional<Person> find(PersonId id) {
        return Optional.ofNullable(people.get(id.value()));
    }

    @Override
    public List<Person> withRole(Role role) {
        return people.values().stream().filter(person -> person.has(role)).toList();
    }

    @Override
    public List<Person> reportingTo(PersonId manager) {
        return people.values().stream().filter(person -> manager.equals(person.manager())).toList();
    }
}
