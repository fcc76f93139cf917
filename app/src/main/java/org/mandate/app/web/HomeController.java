package org.mandate.app.web;

import org.mandate.projections.inbox.InboxProjection;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

    private final InboxProjection inbox;

    HomeController(InboxProjection inbox) {
        this.inbox = inbox;
    }

    @GetMapping("/")
    String home(Authentication user, Model model) {
        model.addAttribute("user", user.getName());
        model.addAttribute("inbox", inbox.inboxOf(user.getName()));
        return "home";
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }
}
