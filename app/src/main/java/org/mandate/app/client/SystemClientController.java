package org.mandate.app.client;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.mandate.domain.RuleViolation;
import org.mandate.domain.client.RegisterSystemClient;
import org.mandate.domain.client.RemoveSystemClient;
import org.mandate.domain.directory.Directory;
import org.mandate.domain.directory.Person;
import org.mandate.domain.directory.PersonId;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Administrators register the identity provider's clients that other systems use (client-credentials tokens): the
 * person each acts as, and what it may do ({@code requests:submit}, {@code requests:read}, {@code audit:read}).
 */
@RestController
@RequestMapping("/api/admin/clients")
@PreAuthorize("hasRole('ADMIN')")
class SystemClientController {

    record ClientBody(@NotBlank @Size(max = 128) String clientId, @NotBlank @Size(max = 64) String actsAs,
                      @NotEmpty(message = "must name at least one of requests:submit, requests:read, audit:read")
                      @Size(max = 3) List<@NotBlank @Size(max = 32) String> scopes) {
    }

    private final CommandGateway commands;
    private final SystemClients clients;
    private final Directory directory;

    SystemClientController(CommandGateway commands, SystemClients clients, Directory directory) {
        this.commands = commands;
        this.clients = clients;
        this.directory = directory;
    }

    @PostMapping
    ResponseEntity<SystemClients.Client> register(@Valid @RequestBody ClientBody body, Authentication admin) {
        Person person = directory.find(PersonId.of(body.actsAs().strip())).orElseThrow(() -> RuleViolation.invalid(
                "actsAs: nobody in the directory is '" + body.actsAs() + "'; name the person the system submits "
                        + "and reads as (add them to the directory first)."));
        if (!person.active()) {
            throw RuleViolation.invalid("actsAs: '" + person.id().value() + "' has left; name someone who still "
                    + "works here.");
        }
        String clientId = body.clientId().strip();
        commands.sendAndWait(new RegisterSystemClient(clientId, person.id(), new LinkedHashSet<>(body.scopes()),
                PersonId.of(admin.getName())));
        return ResponseEntity.created(URI.create("/api/admin/clients/" + clientId)).body(clients.find(clientId));
    }

    @GetMapping
    List<SystemClients.Client> all() {
        return clients.all();
    }

    @DeleteMapping("/{clientId}")
    SystemClients.Client remove(@PathVariable String clientId, Authentication admin) {
        if (clients.find(clientId) == null) {
            throw RuleViolation.notFound("No system client '" + clientId + "' is registered.");
        }
        commands.sendAndWait(new RemoveSystemClient(clientId, PersonId.of(admin.getName())));
        return clients.find(clientId);
    }
}
