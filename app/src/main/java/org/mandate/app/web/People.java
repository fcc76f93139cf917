package org.mandate.app.web;

import org.mandate.domain.directory.Directory;
import org.mandate.domain.directory.Person;
import org.mandate.domain.directory.PersonId;
import org.springframework.stereotype.Component;

/** Names instead of login ids on every page; templates reach it as {@code @people}. */
@Component("people")
public class People {

    private final Directory directory;

    People(Directory directory) {
        this.directory = directory;
    }

    /** The person's full name, or the id itself for someone the directory does not know (e.g. the engine). */
    public String name(String personId) {
        if (personId == null || personId.isBlank()) {
            return "";
        }
        return directory.find(PersonId.of(personId)).map(Person::name).orElse(personId);
    }
}
