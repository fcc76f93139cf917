package org.mandate.app.client;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
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

    private final SystemClientAdmin clients;

    SystemClientController(SystemClientAdmin clients) {
        this.clients = clients;
    }

    @PostMapping
    ResponseEntity<SystemClients.Client> register(@Valid @RequestBody ClientBody body, Authentication admin) {
        SystemClients.Client registered = clients.register(body.clientId(), body.actsAs(), body.scopes(),
                admin.getName());
        return ResponseEntity.created(URI.create("/api/admin/clients/" + registered.clientId())).body(registered);
    }

    @GetMapping
    List<SystemClients.Client> all() {
        return clients.all();
    }

    @DeleteMapping("/{clientId}")
    SystemClients.Client remove(@PathVariable String clientId, Authentication admin) {
        return clients.remove(clientId, admin.getName());
    }
}
