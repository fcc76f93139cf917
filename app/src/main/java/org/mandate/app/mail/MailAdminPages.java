package org.mandate.app.mail;

import org.mandate.app.web.Page;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Clock;
import java.util.Locale;

/** The administrator's view of mail: what failed (and why), what waits, what went; a failed notice is sent again. */
@Controller
@Page
@PreAuthorize("hasRole('ADMIN')")
class MailAdminPages {

    private final MailNotices notices;
    private final boolean mailOn;
    private final Clock clock = Clock.systemUTC();

    MailAdminPages(MailNotices notices, @Value("${spring.mail.host:}") String mailHost) {
        this.notices = notices;
        this.mailOn = !mailHost.isBlank();
    }

    @GetMapping("/admin/mail")
    String list(@RequestParam(defaultValue = "FAILED") String status, Model model) {
        String wanted = status.strip().toUpperCase(Locale.ROOT);
        if (!MailNotices.STATUSES.contains(wanted)) {
            wanted = MailNotices.FAILED;
        }
        model.addAttribute("mailOn", mailOn);
        model.addAttribute("status", wanted);
        model.addAttribute("statuses", MailNotices.STATUSES);
        model.addAttribute("counts", MailNotices.STATUSES.stream().map(each -> each.toLowerCase(Locale.ROOT) + " "
                + notices.count(each)).toList());
        model.addAttribute("notices", notices.inStatus(wanted, 200));
        return "admin/mail";
    }

    @PostMapping("/admin/mail/{id}/retry")
    String retry(@PathVariable String id, RedirectAttributes redirect) {
        MailNotices.Notice notice = id.length() > 36 ? null : notices.find(id);
        boolean again = notice != null && notices.retry(id, clock.instant());
        redirect.addFlashAttribute("confirmation", again
                ? "The notice to " + notice.recipient() + " will be sent again in a moment."
                : "That notice is no longer failed (sent again already, or unknown): nothing to do.");
        return "redirect:/admin/mail";
    }
}
