package org.mandate.app.client;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.mandate.app.problem.AppRefusals;
import org.mandate.domain.client.ClientScopes;
import org.mandate.domain.client.RegisterSystemClient;
import org.mandate.domain.client.RemoveSystemClient;
import org.mandate.domain.directory.Directory;
import org.mandate.domain.directory.Person;
import org.mandate.domain.directory.PersonId;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Registering and removing system clients, for the API and the console alike: the person a client acts as must be in
 * the directory and still work here (the directory is the application's to check), the rest is the aggregate's
 * ({@link ClientScopes}). Every refusal names its field, so a form shows it beside that field.
 */
@Component
class SystemClientAdmin {

    private final CommandGateway commands;
    private final SystemClients clients;
    private final Directory directory;

    SystemClientAdmin(CommandGateway commands, SystemClients clients, Directory directory) {
        this.commands = commands;
        this.clients = clients;
        this.directory = directory;
    }

    List<SystemClients.Client> all() {
        return clients.all();
    }

    SystemClients.Client register(String clientId, String actsAs, Collection<String> scopes, String admin) {
        String personId = actsAs == null ? "" : actsAs.strip();
        if (personId.isEmpty()) {
            throw AppRefusals.invalid("refusal.client.actsAs").with("field", ClientScopes.ACTS_AS_FIELD);
        }
        Person person = directory.find(PersonId.of(personId)).orElseThrow(() -> AppRefusals.invalid(
                "refusal.client.actsAsNobody", actsAs).with("field", ClientScopes.ACTS_AS_FIELD));
        if (!person.active()) {
            throw AppRefusals.invalid("refusal.client.actsAsLeft", person.id().value())
                    .with("field", ClientScopes.ACTS_AS_FIELD);
        }
        String id = clientId == null ? "" : clientId.strip();
        commands.sendAndWait(new RegisterSystemClient(id, person.id(),
                new LinkedHashSet<>(scopes == null ? List.of() : scopes), PersonId.of(admin)));
        return clients.find(id);
    }

    /** The client, registered or removed, or a 404 for an id never registered. */
    SystemClients.Client existing(String clientId) {
        SystemClients.Client client = clients.find(clientId);
        if (client == null) {
            throw AppRefusals.notFound("refusal.client.none", String.valueOf(clientId));
        }
        return client;
    }

    SystemClients.Client remove(String clientId, String admin) {
        existing(clientId);
        commands.sendAndWait(new RemoveSystemClient(clientId, PersonId.of(admin)));
        return clients.find(clientId);
    }
}
