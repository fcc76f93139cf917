package org.mandate.app.client;

import jakarta.servlet.http.HttpServletResponse;
import org.mandate.app.problem.Refusal;
import org.mandate.app.web.Page;
import org.mandate.app.web.voice.Messages;
import org.mandate.domain.RuleViolation;
import org.mandate.domain.client.ClientScopes;
import org.mandate.domain.directory.Person;
import org.mandate.domain.directory.PersonId;
import org.mandate.projections.directory.DirectoryProjection;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The console's System clients page: the registered clients, a form to register one, removal after a confirmation,
 * and how sign-in is set up. Every change goes through {@link SystemClientAdmin}, as over the API; a refusal shows
 * the form again with the message beside the field it is about.
 */
@Controller
@Page
@PreAuthorize("hasRole('ADMIN')")
class SystemClientPages {

    /** Where the bundle keeps each scope's sentence, in the order the form offers them. */
    private static final Map<String, String> SCOPE_KEYS = Map.of(ClientScopes.SUBMIT, "console.scope.submit",
            ClientScopes.READ, "console.scope.read", ClientScopes.AUDIT, "console.scope.audit");

    private final SystemClientAdmin clients;
    private final DirectoryProjection directory;
    private final SignInSetup signIn;

    SystemClientPages(SystemClientAdmin clients, DirectoryProjection directory, SignInSetup signIn) {
        this.clients = clients;
        this.directory = directory;
        this.signIn = signIn;
    }

    /** Each scope in a sentence, in the page's language and the order the form offers them. */
    static Map<String, String> scopes() {
        Map<String, String> scopes = new LinkedHashMap<>();
        for (String scope : ClientScopes.ALL) {
            scopes.put(scope, Messages.ofOr(SCOPE_KEYS.getOrDefault(scope, "-"), scope));
        }
        return scopes;
    }

    @GetMapping("/admin/clients")
    String list(Model model) {
        model.addAttribute("clients", clients.all().stream()
                .sorted(Comparator.comparing((SystemClients.Client client) -> !client.active())
                        .thenComparing(SystemClients.Client::clientId)).toList());
        model.addAttribute("scopes", scopes());
        model.addAttribute("people", directory.everyone().stream().filter(Person::active)
                .sorted(Comparator.comparing(Person::name)).toList());
        model.addAttribute("signIn", signIn.setup());
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of("clientId", "", "actsAs", "", "scopes", List.of()));
        }
        return "admin/clients";
    }

    @PostMapping("/admin/clients")
    String register(@RequestParam(defaultValue = "") String clientId, @RequestParam(defaultValue = "") String actsAs,
                    @RequestParam(name = "scope", required = false) List<String> scopes, Authentication admin,
                    Model model, HttpServletResponse response, RedirectAttributes redirect) {
        List<String> chosen = scopes == null ? List.of() : scopes;
        SystemClients.Client registered;
        try {
            registered = clients.register(clientId, actsAs, chosen, admin.getName());
        } catch (RuntimeException refused) {
            Refusal refusal = Refusal.of(refused);
            response.setStatus(refusal.status().value());
            Object field = refusal.properties().getOrDefault("field", "form");
            model.addAttribute("errors", Map.of(String.valueOf(field), refusal.message()));
            model.addAttribute("form", Map.of("clientId", clientId, "actsAs", actsAs, "scopes", chosen));
            return list(model);
        }
        redirect.addFlashAttribute("confirmation", Messages.of("console.clients.done.registered",
                registered.clientId(), directory.find(PersonId.of(registered.actsAs())).map(Person::name)
                        .orElse(registered.actsAs())));
        return "redirect:/admin/clients";
    }

    /** What removing would do; nothing changes until the administrator confirms. */
    @GetMapping("/admin/clients/{clientId}/removal")
    String removal(@PathVariable String clientId, Model model) {
        SystemClients.Client client = clients.existing(clientId);
        if (!client.active()) {
            throw RuleViolation.notFound(Messages.of("console.clients.removedAlready", clientId));
        }
        model.addAttribute("client", client);
        model.addAttribute("scopes", scopes());
        return "admin/client-removal";
    }

    @PostMapping("/admin/clients/{clientId}/removal")
    String remove(@PathVariable String clientId, Authentication admin, Model model, HttpServletResponse response,
                  RedirectAttributes redirect) {
        try {
            clients.remove(clientId, admin.getName());
        } catch (RuntimeException refused) {
            Refusal refusal = Refusal.of(refused);
            response.setStatus(refusal.status().value());
            model.addAttribute("errors", Map.of("form", refusal.message()));
            return list(model);
        }
        redirect.addFlashAttribute("confirmation", Messages.of("console.clients.done.removed", clientId));
        return "redirect:/admin/clients";
    }
}
