package org.mandate.app.mail;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The caller's own notification choices: which kinds of notice reach them at once, in a daily digest, or not. */
@RestController
@RequestMapping("/api/me/notifications")
class NotificationsController {

    record NotificationChoice(String kind, String delivery, Integer digestHour, String about) {
    }

    record NotificationSettings(boolean mailOn, String address, String zone, List<NotificationChoice> choices) {
    }

    record NotificationChanges(@NotNull(message = "must list the choices to record, e.g. "
            + "[{\"kind\": \"REMINDER\", \"delivery\": \"DAILY_DIGEST\", \"digestHour\": 8}]")
                  @Size(max = 20, message = "has more choices than there are kinds of notice")
                  List<NotificationChoices.WantedNotification> choices) {
    }

    private final NotificationChoices choices;

    NotificationsController(NotificationChoices choices) {
        this.choices = choices;
    }

    @GetMapping
    NotificationSettings notificationChoices(Authentication user) {
        NotificationChoices.Standing mine = choices.of(user.getName());
        List<NotificationChoice> all = mine.choices().entrySet().stream().map(entry -> new NotificationChoice(
                entry.getKey().name(), entry.getValue().delivery().name(), entry.getValue().digestHour(),
                NotificationChoices.words(entry.getKey()))).toList();
        return new NotificationSettings(mine.mailOn(), mine.address(), mine.zone(), all);
    }

    @PutMapping
    NotificationSettings changeNotificationChoices(@Valid @RequestBody NotificationChanges change, Authentication user) {
        try {
            choices.record(user.getName(), change.choices());
        } catch (NotificationChoices.Refused refused) {
            throw NotificationChoices.asViolation(refused);
        }
        return notificationChoices(user);
    }
}
