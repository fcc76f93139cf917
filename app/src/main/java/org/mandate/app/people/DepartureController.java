package org.mandate.app.people;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.mandate.domain.directory.Directory;
import org.mandate.domain.directory.Person;
import org.mandate.domain.directory.PersonId;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/**
 * An administrator records that someone left: their open steps go to the successor (or their manager), their
 * mandates end, their login stops; their past decisions stay as they were.
 */
@RestController
class DepartureController {

    record DepartureBody(@Size(max = 64) String successor) {
    }

    private final Departures departures;
    private final Directory directory;

    DepartureController(Departures departures, Directory directory) {
        this.departures = departures;
        this.directory = directory;
    }

    @PostMapping("/api/people/{id}/departure")
    @PreAuthorize("hasRole('ADMIN')")
    Map<String, Object> depart(@PathVariable String id, @Valid @RequestBody(required = false) DepartureBody body,
                               Authentication user) {
        departures.record(id, body == null ? null : body.successor(), user.getName());
        Person leaver = directory.find(PersonId.of(id)).orElseThrow();
        return Map.of("id", id, "active", leaver.active());
    }
}
