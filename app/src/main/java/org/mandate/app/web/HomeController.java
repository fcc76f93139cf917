package org.mandate.app.web;

import org.springframework.beans.factory.ObjectProvider;
import org.mandate.app.security.SecuritySettings;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.ArrayList;
import java.util.List;

/** The login page; the home page is the inbox (see {@code web.inbox}). */
@Controller
class HomeController {

    /** A way to sign in with the organisation's identity provider, as the login page offers it. */
    record Provider(String name, String href) {
    }

    private final List<Provider> providers = new ArrayList<>();
    private final boolean localPasswords;

    HomeController(ObjectProvider<ClientRegistrationRepository> registrations,
                   SecuritySettings settings) {
        if (registrations.getIfAvailable() instanceof Iterable<?> configured) {
            for (Object registration : configured) {
                ClientRegistration provider = (ClientRegistration) registration;
                providers.add(new Provider(provider.getClientName(),
                        "/oauth2/authorization/" + provider.getRegistrationId()));
            }
        }
        this.localPasswords = settings.localPasswords();
    }

    /** {@code throttled} carries the seconds to wait after too many failed logins; only a plain number is shown. */
    @GetMapping("/login")
    String login(@RequestParam(name = "throttled", required = false) String throttled, Model model) {
        if (throttled != null) {
            model.addAttribute("waitSeconds", throttled.matches("\\d{1,6}") ? throttled : "a few");
        }
        model.addAttribute("providers", providers);
        model.addAttribute("localPasswords", localPasswords);
        return "login";
    }
}
