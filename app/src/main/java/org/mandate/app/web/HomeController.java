package org.mandate.app.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The login page; the home page is the inbox (see {@code web.inbox}). */
@Controller
class HomeController {

    @GetMapping("/login")
    String login() {
        return "login";
    }
}
