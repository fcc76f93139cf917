package org.mandate.app.insights;

import org.mandate.app.MandateSettings;
import org.mandate.app.mandate.StandingMandates;
import org.mandate.app.problem.AppRefusals;
import org.mandate.domain.directory.Authority;
import org.mandate.domain.directory.Directory;
import org.mandate.domain.directory.Person;
import org.mandate.domain.directory.PersonId;
import org.mandate.domain.mandate.Scope;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;

/**
 * The bottleneck's one-click answer: a standing mandate from the person holding the open steps to the report the
 * page suggests, for every category, up to the holder's own authority (so it widens who may decide, not how
 * much), capped by the grantor's smallest limit, for {@value #DAYS} days. It is granted through
 * {@link StandingMandates}, as from the mandates page, and the mandate rules decide whether it may be.
 */
@Component
class MandateSuggestion {

    static final int DAYS = 90;

    private final StandingMandates mandates;
    private final Directory directory;
    private final Clock clock;
    private final String currency;

    MandateSuggestion(StandingMandates mandates, Directory directory, Clock clock, MandateSettings settings) {
        this.mandates = mandates;
        this.directory = directory;
        this.clock = clock;
        this.currency = settings.currency();
    }

    record Granted(String holder, BigDecimal maxAmount, String currency, Instant until) {
    }

    Granted grant(String grantorId, String holderId) {
        if (holderId == null || holderId.isBlank()) {
            throw AppRefusals.invalid("refusal.suggestion.noHolder");
        }
        Person grantor = directory.find(PersonId.of(grantorId)).orElseThrow(() -> AppRefusals.forbidden(
                "refusal.suggestion.notInDirectory"));
        Person holder = directory.find(PersonId.of(holderId.strip())).orElseThrow(() -> AppRefusals.notFound(
                "refusal.suggestion.nobody", holderId.strip()));
        // 'every category' must stay within the grantor's smallest limit, whichever category it is for
        BigDecimal own = grantor.authority().limits().values().stream().min(BigDecimal::compareTo)
                .orElse(BigDecimal.ZERO);
        BigDecimal theirs = holder.authority().limitFor(Authority.ANY);
        BigDecimal max = theirs.signum() > 0 && theirs.compareTo(own) < 0 ? theirs : own;
        if (max.signum() <= 0) {
            throw AppRefusals.invalid("refusal.suggestion.noAuthority");
        }
        Instant now = clock.instant();
        Instant until = now.plus(Duration.ofDays(DAYS)).truncatedTo(ChronoUnit.DAYS);
        mandates.grant(grantor.id().value(), new StandingMandates.Grant(holder.id().value(), Set.of(Scope.ANY), max,
                currency, now, until, "Granted from the insights page to share the open steps", false, null));
        return new Granted(holder.id().value(), max, currency, until);
    }
}
