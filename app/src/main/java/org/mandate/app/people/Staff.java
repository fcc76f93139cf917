package org.mandate.app.people;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.mandate.app.category.KnownCategories;
import org.mandate.app.security.Credentials;
import org.mandate.domain.directory.Authority;
import org.mandate.domain.directory.ChangeManager;
import org.mandate.domain.directory.Directory;
import org.mandate.domain.directory.JoinPerson;
import org.mandate.domain.directory.PersonId;
import org.mandate.domain.directory.Role;
import org.mandate.domain.directory.SetAuthority;
import org.mandate.domain.directory.SetEmail;
import org.mandate.domain.directory.SetRoles;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;

/**
 * An administrator's changes to the directory, in one place for the JSON API and the admin console: who joins, their
 * roles, limits, manager and address. Each checks that the person exists, normalises what was typed (stripped, a
 * blank manager as none, categories by the managed list) and sends the command; the directory's own rules (no
 * manager cycles, a well-formed address) are the aggregate's. Departures have their own service, {@link Departures}.
 */
@Component
public class Staff {

    private final CommandGateway commands;
    private final Directory directory;
    private final Credentials credentials;
    private final KnownCategories categories;

    Staff(CommandGateway commands, Directory directory, Credentials credentials, KnownCategories categories) {
        this.commands = commands;
        this.directory = directory;
        this.credentials = credentials;
        this.categories = categories;
    }

    /** Someone new, with no authority and no roles beyond staff, and their first password. */
    public void join(String id, String name, String title, String manager, String password) {
        commands.sendAndWait(new JoinPerson(PersonId.of(id), name.strip(), title == null ? "" : title.strip(),
                blank(manager) ? null : PersonId.of(manager.strip()), Set.of(), Authority.none()));
        credentials.set(id, password);
    }

    public Set<Role> setRoles(String id, Set<Role> roles, String by) {
        commands.sendAndWait(new SetRoles(existing(id), roles, PersonId.of(by)));
        return roles;
    }

    /** Replaces the person's limits, per category key (or {@value Authority#ANY}). */
    public void setLimits(String id, Map<String, BigDecimal> limits) {
        PersonId person = existing(id);
        categories.requireKnownOrAny(limits.keySet());
        commands.sendAndWait(new SetAuthority(person, new Authority(limits)));
    }

    /** A blank manager means nobody: the top of the organisation. */
    public void changeManager(String id, String manager) {
        commands.sendAndWait(new ChangeManager(existing(id), blank(manager) ? null : PersonId.of(manager.strip())));
    }

    public void setEmail(String id, String email, String by) {
        commands.sendAndWait(new SetEmail(existing(id), email == null ? "" : email.strip(), PersonId.of(by)));
    }

    private PersonId existing(String id) {
        return KnownPerson.require(directory, id);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
