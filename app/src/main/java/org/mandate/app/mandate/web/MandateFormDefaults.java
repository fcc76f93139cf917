package org.mandate.app.mandate.web;

import org.mandate.app.MandateSettings;
import org.mandate.app.web.voice.Messages;
import org.mandate.domain.directory.Authority;
import org.mandate.domain.directory.Person;
import org.mandate.domain.directory.PersonId;
import org.mandate.projections.directory.DirectoryProjection;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the grant form starts with. For out of office: the person's whole authority, from today for a week, to
 * their manager; every value can be changed before granting.
 */
@Component
class MandateFormDefaults {

    private static final int AWAY_DAYS = 7;

    private final DirectoryProjection directory;
    private final Clock clock;
    private final String currency;

    MandateFormDefaults(DirectoryProjection directory, Clock clock, MandateSettings settings) {
        this.directory = directory;
        this.clock = clock;
        this.currency = settings.currency();
    }

    String currency() {
        return currency;
    }

    MandateForm blank(String me) {
        MandateForm form = new MandateForm();
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.systemDefault()));
        form.setFrom(today.toString());
        form.setUntil(today.plusDays(AWAY_DAYS - 1).toString());
        return form;
    }

    MandateForm outOfOffice(String me) {
        MandateForm form = blank(me);
        form.setAway(true);
        form.setReason(Messages.of("mandates.away.reason")); // their own words once sent: in their language
        Optional<Person> person = directory.find(PersonId.of(me));
        person.map(Person::manager).map(PersonId::value).ifPresent(form::setTo);
        person.map(Person::authority).ifPresent(authority -> {
            Map<String, BigDecimal> limits = authority.limits();
            if (limits.containsKey(Authority.ANY)) {
                form.setCategories("*");
                form.setMaxAmount(limits.get(Authority.ANY).toPlainString());
            } else if (!limits.isEmpty()) {
                // the smallest limit keeps every named category within what the person may approve themselves
                form.setCategories(String.join(", ", limits.keySet()));
                form.setMaxAmount(limits.values().stream().min(BigDecimal::compareTo).orElseThrow().toPlainString());
            }
        });
        return form;
    }

    /** Who can be chosen: active people other than oneself who decide requests (see {@link Person#oversightOnly}). */
    List<Person> colleagues(String me) {
        return directory.everyone().stream().filter(Person::active).filter(person -> !person.oversightOnly())
                .filter(person -> !person.id().value().equals(me)).toList();
    }
}
