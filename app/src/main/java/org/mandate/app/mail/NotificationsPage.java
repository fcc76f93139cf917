package org.mandate.app.mail;

import org.mandate.app.web.voice.Messages;
import jakarta.servlet.http.HttpServletResponse;
import org.mandate.domain.notification.Delivery;
import org.mandate.domain.notification.NoticeKind;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The page behind "Notifications": one row per kind of notice, how it reaches you and at which hour. */
@Controller
@RequestMapping("/settings/notifications")
class NotificationsPage {

    /** One row of the form. */
    record Row(String kind, String about, String delivery, String hour, String error) {
    }

    private final NotificationChoices choices;

    NotificationsPage(NotificationChoices choices) {
        this.choices = choices;
    }

    @GetMapping
    String show(Authentication user, Model model) {
        NotificationChoices.Standing mine = choices.of(user.getName());
        List<Row> rows = new ArrayList<>();
        mine.choices().forEach((kind, choice) -> rows.add(new Row(kind.name(),
                NotificationChoices.words(kind), choice.delivery().name(),
                choice.digestHour() == null ? "8" : choice.digestHour().toString(), null)));
        return page(mine, model, rows);
    }

    @PostMapping
    String save(@RequestParam Map<String, String> form, Authentication user, Model model,
                HttpServletResponse response, RedirectAttributes redirect) {
        List<NotificationChoices.WantedNotification> wanted = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        String badKind = null;
        String badMessage = null;
        for (NoticeKind kind : NoticeKind.values()) {
            String delivery = form.getOrDefault("delivery-" + kind.name(), "");
            String hourText = form.getOrDefault("hour-" + kind.name(), "").strip();
            Integer hour = null;
            if (Delivery.DAILY_DIGEST.name().equals(delivery)) {
                try {
                    hour = Integer.valueOf(hourText);
                } catch (NumberFormatException notANumber) {
                    badKind = badKind == null ? kind.name() : badKind;
                    badMessage = badMessage == null ? Messages.of("page.notifications.hour") : badMessage;
                }
            }
            wanted.add(new NotificationChoices.WantedNotification(kind.name(), delivery, hour));
            rows.add(new Row(kind.name(), NotificationChoices.words(kind), delivery, hourText, null));
        }
        if (badKind == null) {
            try {
                int changed = choices.record(user.getName(), wanted);
                redirect.addFlashAttribute("confirmation", Messages.of("page.notifications.saved", changed));
                return "redirect:/settings/notifications";
            } catch (NotificationChoices.Refused refused) {
                badKind = refused.kind;
                badMessage = refused.message();
            }
        }
        String kind = badKind;
        String message = badMessage;
        response.setStatus(400);
        return page(choices.of(user.getName()), model, rows.stream().map(row -> row.kind().equals(kind)
                ? new Row(row.kind(), row.about(), row.delivery(), row.hour(), message) : row).toList());
    }

    private String page(NotificationChoices.Standing mine, Model model, List<Row> rows) {
        model.addAttribute("rows", rows);
        model.addAttribute("mailOn", mine.mailOn());
        model.addAttribute("address", mine.address());
        model.addAttribute("zone", mine.zone());
        return "mail/settings";
    }
}
