package org.mandate.domain.mandate;

import org.mandate.domain.Refusals;
import org.mandate.domain.RuleViolation;
import org.mandate.domain.directory.Directory;
import org.mandate.domain.directory.Person;
import org.mandate.domain.directory.PersonId;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.Period;
import java.util.Set;
import java.util.TreeSet;

/**
 * Whether a mandate may be granted: well formed, not to oneself, never wider than the grantor's own authority
 * (or than the mandate they pass on, which must allow it), never longer than the organisation allows
 * ({@link MandateLimits}), and never closing a cycle of mandates.
 * Returns the principal whose authority the new mandate carries.
 */
final class GrantPolicy {

    static final int REASON_LENGTH = GrantMandate.MAX_REASON;

    private final Directory directory;
    private final Mandates mandates;
    private final MandateLimits limits;

    GrantPolicy(Directory directory, Mandates mandates, MandateLimits limits) {
        this.directory = directory;
        this.mandates = mandates;
        this.limits = limits;
    }

    PersonId check(GrantMandate command, Instant now) {
        checkShape(command, now);
        if (command.holder().equals(command.grantor())) {
            throw Refusals.invalid("mandate.grantPolicy.youCannotGiveAMandate");
        }
        active(command.grantor(), Refusals.invalid("mandate.grantPolicy.youAreNotActive"));
        active(command.holder(), Refusals.invalid("mandate.grantPolicy.holderNotActive", command.holder()));
        PersonId principal = command.passedOn() == null ? withinOwnAuthority(command) : withinPassedOn(command, now);
        if (command.holder().equals(principal)) {
            throw Refusals.conflict("mandate.grantPolicy.thisMandateCarriesSOwn", principal);
        }
        new MandateCycles(mandates).refuseCycle(command.grantor(), command.holder(), now);
        return principal;
    }

    private void checkShape(GrantMandate command, Instant now) {
        Scope scope = command.scope();
        if (scope == null || scope.categories().isEmpty() || scope.categories().stream().anyMatch(String::isBlank)) {
            throw Refusals.invalid("mandate.grantPolicy.nameAtLeastOneCategory");
        }
        if (scope.maxAmount() == null || scope.maxAmount().signum() <= 0) {
            throw Refusals.invalid("mandate.grantPolicy.theMandateSMaxAmountMust");
        }
        scope.limit().checkCurrency();
        if (command.validFrom() == null || command.validUntil() == null
                || !command.validFrom().isBefore(command.validUntil())) {
            throw Refusals.invalid("mandate.grantPolicy.aMandateNeedsValidFromBefore");
        }
        if (!command.validUntil().isAfter(now)) {
            throw Refusals.invalid("mandate.grantPolicy.validuntilIsAlreadyPastChoose", command.validUntil());
        }
        checkLength(command, now);
        if (command.reason() != null && command.reason().length() > REASON_LENGTH) {
            throw Refusals.invalid("request.delegationPolicy.theReasonIsLongerThan", REASON_LENGTH);
        }
    }

    /** Also keeps both ends within a few years of now, so that no absurd year reaches the database. */
    private void checkLength(GrantMandate command, Instant now) {
        Period max = limits.maxLength();
        Instant latestStart = limits.latestEnd(now).orElseThrow();
        if (command.validFrom().isAfter(latestStart)) {
            throw Refusals.invalid("mandate.grantPolicy.validfromIsTooFarAhead",
                    command.validFrom(), max, latestStart);
        }
        Instant latestEnd = limits.latestEnd(command.validFrom()).orElse(null);
        if (latestEnd == null || command.validUntil().isAfter(latestEnd)) {
            throw latestEnd == null ? Refusals.invalid("mandate.grantPolicy.tooLongBeyondAnyCalendar", max)
                    : Refusals.invalid("mandate.grantPolicy.tooLong", max, command.validFrom(), latestEnd);
        }
    }

    private void active(PersonId id, RuleViolation refusal) {
        if (directory.find(id).filter(Person::active).isEmpty()) {
            throw refusal;
        }
    }

    private PersonId withinOwnAuthority(GrantMandate command) {
        Person grantor = directory.find(command.grantor()).orElseThrow();
        Set<String> categories = new TreeSet<>(command.scope().categories());
        if (categories.contains(Scope.ANY)) {
            // 'all categories' reaches every category the grantor has a smaller limit for, too
            categories.addAll(grantor.authority().limits().keySet());
        }
        for (String category : categories) {
            BigDecimal own = grantor.authority().limitFor(category);
            if (own.compareTo(command.scope().maxAmount()) < 0) {
                throw Refusals.forbidden("mandate.grantPolicy.yourOwnAuthorityForIs", category, own.toPlainString());
            }
        }
        return command.grantor();
    }

    private PersonId withinPassedOn(GrantMandate command, Instant now) {
        MandateTerms parent = mandates.find(command.passedOn()).orElseThrow(() -> Refusals.notFound(
                "mandate.grantPolicy.thereIsNoMandateTo", command.passedOn()));
        if (!parent.holder().equals(command.grantor())) {
            throw Refusals.forbidden("mandate.grantPolicy.mandateIsNotYoursTo", parent.id());
        }
        if (!parent.mayRedelegate()) {
            throw Refusals.forbidden("mandate.grantPolicy.mandateFromDoesNotAllow",
                    parent.id(), parent.principal(), parent.grantor());
        }
        if (!parent.liveAt(now)) {
            throw Refusals.conflict("mandate.grantPolicy.mandateHasEndedSoThere", parent.id());
        }
        if (!command.scope().within(parent.scope()) || command.validFrom().isBefore(parent.validFrom())
                || command.validUntil().isAfter(parent.validUntil())) {
            throw Refusals.forbidden("mandate.grantPolicy.aMandatePassedOnCannot",
                    parent.scope().categories(), parent.scope().limit(), parent.validFrom(), parent.validUntil());
        }
        return parent.principal();
    }
}
