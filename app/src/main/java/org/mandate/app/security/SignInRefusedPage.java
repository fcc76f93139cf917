package org.mandate.app.security;

import jakarta.servlet.http.HttpSession;
import org.mandate.domain.directory.Directory;
import org.mandate.domain.directory.Person;
import org.mandate.domain.directory.Role;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.util.List;

/**
 * The page for someone the identity provider signed in but Mandate refused: nobody in the directory is that
 * identity, or the person has left. It says which, and names the administrators to ask (only they change the
 * directory). Shown once per refusal: the text waits in the session from the failed sign-in.
 */
@Controller
class SignInRefusedPage {

    private final Directory directory;

    SignInRefusedPage(Directory directory) {
        this.directory = directory;
    }

    @GetMapping("/login/refused")
    String refused(HttpSession session, Model model) {
        if (!(session.getAttribute(PageSignIn.REFUSAL) instanceof PageSignIn.Refusal refusal)) {
            return "redirect:/login";
        }
        session.removeAttribute(PageSignIn.REFUSAL);
        List<String> administrators = directory.withRole(Role.ADMIN).stream().filter(Person::active)
                .map(Person::name).sorted().toList();
        model.addAttribute("refusal", refusal);
        model.addAttribute("administrators", administrators.isEmpty() ? "your IT department"
                : String.join(" or ", administrators));
        return "login-refused";
    }
}
