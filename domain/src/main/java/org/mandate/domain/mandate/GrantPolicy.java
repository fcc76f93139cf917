package org.mandate.domain.mandate;

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

    static final int REASON_LENGTH = 2_000;

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
            throw RuleViolation.invalid("You cannot give a mandate to yourself; name the colleague who decides for you.");
        }
        active(command.grantor(), "You are");
        active(command.holder(), "'" + command.holder() + "' is");
        PersonId principal = command.passedOn() == null ? withinOwnAuthority(command) : withinPassedOn(command, now);
        if (command.holder().equals(principal)) {
            throw RuleViolation.conflict("This mandate carries " + principal + "'s own authority; it cannot go back "
                    + "to them. Choose someone else.");
        }
        new MandateCycles(mandates).refuseCycle(command.grantor(), command.holder(), now);
        return principal;
    }

    private void checkShape(GrantMandate command, Instant now) {
        Scope scope = command.scope();
        if (scope == null || scope.categories().isEmpty() || scope.categories().stream().anyMatch(String::isBlank)) {
            throw RuleViolation.invalid("Name at least one category the mandate covers, or '*' for all.");
        }
        if (scope.maxAmount() == null || scope.maxAmount().signum() <= 0) {
            throw RuleViolation.invalid("The mandate's maxAmount must be greater than zero.");
        }
        if (scope.currency() == null || !scope.currency().matches("[A-Z]{3}")) {
            throw RuleViolation.invalid("The currency must be a three-letter ISO code such as EUR.");
        }
        if (command.validFrom() == null || command.validUntil() == null
                || !command.validFrom().isBefore(command.validUntil())) {
            throw RuleViolation.invalid("A mandate needs validFrom before validUntil, e.g. the first and the day "
                    + "after the last day of your leave.");
        }
        if (!command.validUntil().isAfter(now)) {
            throw RuleViolation.invalid("validUntil " + command.validUntil() + " is already past; choose an end in "
                    + "the future.");
        }
        checkLength(command, now);
        if (command.reason() != null && command.reason().length() > REASON_LENGTH) {
            throw RuleViolation.invalid("The reason is longer than " + REASON_LENGTH + " characters; shorten it.");
        }
    }

    /** Also keeps both ends within a few years of now, so that no absurd year reaches the database. */
    private void checkLength(GrantMandate command, Instant now) {
        Period max = limits.maxLength();
        Instant latestStart = limits.latestEnd(now).orElseThrow();
        if (command.validFrom().isAfter(latestStart)) {
            throw RuleViolation.invalid("validFrom " + command.validFrom() + " is too far ahead: a mandate starts "
                    + "within " + max + " (mandate.mandates.max-length) from now, by " + latestStart + " at the "
                    + "latest.");
        }
        Instant latestEnd = limits.latestEnd(command.validFrom()).orElse(null);
        if (latestEnd == null || command.validUntil().isAfter(latestEnd)) {
            throw RuleViolation.invalid("A mandate may run for at most " + max + " (mandate.mandates.max-length); "
                    + (latestEnd == null ? "this window is beyond any calendar"
                    : "one starting " + command.validFrom() + " ends by " + latestEnd + " at the latest")
                    + ". Choose an earlier validUntil, and grant a new mandate when this one ends.");
        }
    }

    private void active(PersonId id, String who) {
        if (directory.find(id).filter(Person::active).isEmpty()) {
            throw RuleViolation.invalid(who + " not an active person in the directory; choose someone who is.");
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
                throw RuleViolation.forbidden("Your own authority for '" + category + "' is " + own.toPlainString()
                        + "; a mandate cannot give more. Lower maxAmount to " + own.toPlainString() + " or less.");
            }
        }
        return command.grantor();
    }

    private PersonId withinPassedOn(GrantMandate command, Instant now) {
        MandateTerms parent = mandates.find(command.passedOn()).orElseThrow(() -> RuleViolation.notFound(
                "There is no mandate " + command.passedOn() + " to pass on; check its id in GET /api/mandates."));
        if (!parent.holder().equals(command.grantor())) {
            throw RuleViolation.forbidden("Mandate " + parent.id() + " is not yours to pass on.");
        }
        if (!parent.mayRedelegate()) {
            throw RuleViolation.forbidden("Mandate " + parent.id() + " from " + parent.principal() + " does not allow "
                    + "passing it on; ask " + parent.grantor() + " to grant the mandate directly.");
        }
        if (!parent.liveAt(now)) {
            throw RuleViolation.conflict("Mandate " + parent.id() + " has ended, so there is nothing to pass on.");
        }
        if (!command.scope().within(parent.scope()) || command.validFrom().isBefore(parent.validFrom())
                || command.validUntil().isAfter(parent.validUntil())) {
            throw RuleViolation.forbidden("A mandate passed on cannot be wider than the one you hold: at most "
                    + parent.scope().categories() + " up to " + parent.scope().maxAmount().toPlainString() + " "
                    + parent.scope().currency() + ", from " + parent.validFrom() + " until " + parent.validUntil()
                    + ".");
        }
        return parent.principal();
    }
}
