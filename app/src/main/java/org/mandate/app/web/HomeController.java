package org.mandate.app.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The login page; the home page is the inbox (see {@code web.inbox}). */
@Controller
class HomeController {

    /** {@code throttled} carries the seconds to wait after too many failed logins; only a plain number is shown. */
    @GetMapping("/login")
    String login(@RequestParam(name = "throttled", required = false) String throttled, Model model) {
        if (throttled != null) {
            model.addAttribute("waitSeconds", throttled.matches("\\d{1,6}") ? throttled : "a few");
        }
        return "login";
    }
}
