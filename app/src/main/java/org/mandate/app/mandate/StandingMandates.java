package org.mandate.app.mandate;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.mandate.app.MandateSettings;
import org.mandate.app.category.KnownCategories;
import org.mandate.app.problem.AppRefusals;
import org.mandate.domain.Money;
import org.mandate.domain.directory.PersonId;
import org.mandate.domain.mandate.GrantMandate;
import org.mandate.domain.mandate.MandateId;
import org.mandate.domain.mandate.RevokeMandate;
import org.mandate.domain.mandate.Scope;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.UUID;

/**
 * Granting and revoking a standing mandate, in one place for the JSON API and the mandates page: what the app
 * itself decides about the input (the categories by the managed list or '*', the amount in the organisation's
 * currency, the window to the second) is checked the same way whichever it came through, then the command is sent.
 * The mandate rules, and how a reason is kept (stripped, blank as none, at most
 * {@link GrantMandate#MAX_REASON} characters), are the aggregate's.
 */
@Component
public class StandingMandates {

    /** A mandate to give: {@code passedOn} names the mandate it is passed on from (the API only), else null. */
    public record Grant(String to, Collection<String> categories, BigDecimal maxAmount, String currency,
                        Instant validFrom, Instant validUntil, String reason, boolean mayRedelegate, UUID passedOn) {
    }

    private final CommandGateway commands;
    private final KnownCategories categories;
    private final String currency;

    StandingMandates(CommandGateway commands, KnownCategories categories, MandateSettings settings) {
        this.commands = commands;
        this.categories = categories;
        this.currency = settings.currency();
    }

    public MandateId grant(String grantor, Grant grant) {
        if (!currency.equals(grant.currency())) {
            throw AppRefusals.invalid("refusal.mandate.currency", currency, grant.currency());
        }
        MandateId id = MandateId.create();
        commands.sendAndWait(new GrantMandate(id, PersonId.of(grantor), PersonId.of(grant.to().strip()),
                Scope.of(categories.requireActiveOrAny(grant.categories()), Money.of(grant.maxAmount(), currency)),
                toTheSecond(grant.validFrom()), toTheSecond(grant.validUntil()), grant.reason(),
                grant.mayRedelegate(), grant.passedOn() == null ? null : new MandateId(grant.passedOn())));
        return id;
    }

    public void revoke(UUID mandate, String by, String reason) {
        commands.sendAndWait(new RevokeMandate(new MandateId(mandate), PersonId.of(by), reason));
    }

    /** Windows are kept to the second, so every database stores them exactly and comparisons hold. */
    private static Instant toTheSecond(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.SECONDS);
    }
}
