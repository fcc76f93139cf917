package org.mandate.app.mail;

import org.mandate.app.web.People;
import org.mandate.app.web.voice.Messages;
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

/**
 * The administrator's view of mail: what failed (and why), what waits, what went; a failed notice is sent again.
 * Below it, the chat posts that failed, each with a retry.
 */
@Controller
@Page
@PreAuthorize("hasRole('ADMIN')")
class MailAdminPages {

    private final MailNotices notices;
    private final ChatNotices chat;
    private final People people;
    private final boolean mailOn;
    private final boolean chatOn;
    private final Clock clock = Clock.systemUTC();

    MailAdminPages(MailNotices notices, ChatNotices chat, MailSwitch mail,
                   @Value("${mandate.chat.url:}") String chatUrl, People people) {
        this.people = people;
        this.notices = notices;
        this.chat = chat;
        this.mailOn = mail.on();
        this.chatOn = !chatUrl.isBlank();
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
        model.addAttribute("counts", MailNotices.STATUSES.stream().map(each -> Messages.of("admin.mail.count."
                + each, notices.count(each))).toList());
        model.addAttribute("notices", notices.inStatus(wanted, 200));
        model.addAttribute("chatOn", chatOn);
        model.addAttribute("chatCounts", ChatNotices.STATUSES.stream().map(each -> Messages.of("admin.mail.count."
                + each, chat.count(each))).toList());
        model.addAttribute("chatPosts", chat.inStatus(ChatNotices.FAILED, 200));
        return "admin/mail";
    }

    @PostMapping("/admin/mail/{id}/retry")
    String retry(@PathVariable String id, RedirectAttributes redirect) {
        MailNotices.Notice notice = id.length() > 36 ? null : notices.find(id);
        boolean again = notice != null && notices.retry(id, clock.instant());
        redirect.addFlashAttribute("confirmation", again
                ? Messages.of("admin.done.mailAgain", people.name(notice.recipient()))
                : Messages.of("admin.done.mailNothing"));
        return "redirect:/admin/mail";
    }

    @PostMapping("/admin/mail/chat/{id}/retry")
    String retryChat(@PathVariable String id, RedirectAttributes redirect) {
        ChatNotices.Notice post = id.length() > 36 ? null : chat.find(id);
        boolean again = post != null && chat.retry(id, clock.instant());
        redirect.addFlashAttribute("confirmation", again
                ? Messages.of("admin.done.chatAgain")
                : Messages.of("admin.done.chatNothing"));
        return "redirect:/admin/mail";
    }
}
