package org.mandate.domain.directory;

import org.mandate.domain.Refusals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What a departure hands on, so that no open step is ever left with someone who is gone. Each of the leaver's
 * steps (held, on loan to them, or lent out by them) goes to someone active who may decide it: a step on loan
 * back to its holder; any other to the successor or, if the successor may not decide it, to the nearest active
 * manager above the successor who may. Nobody may decide a request they made or one made by someone they report
 * to. If some step has nobody, the departure is refused with the list. The leaver's direct reports move to the
 * successor, or to the leaver's manager where that would close a reporting loop.
 */
public final class Handover {

    private final Directory directory;

    public Handover(Directory directory) {
        this.directory = directory;
    }

    /** Refuses the departure, listing every step that would have nobody to decide it. */
    public void check(PersonId leaver, PersonId successor, List<HeldStep> steps) {
        List<Map<String, String>> stuck = new ArrayList<>();
        StringBuilder list = new StringBuilder();
        for (HeldStep step : steps) {
            if (takerOf(leaver, successor, step).isPresent()) {
                continue;
            }
            String why = whyNot(successor, leaver, step.requester()).orElse("nobody may take it");
            stuck.add(Map.of("requestId", step.requestId(), "stepId", step.stepId(), "title", step.title(),
                    "why", why));
            list.append(list.isEmpty() ? "" : "; ").append("request ").append(step.requestId()).append(" step ")
                    .append(step.stepId()).append(" '").append(step.title()).append("': ").append(why);
        }
        if (!stuck.isEmpty()) {
            throw Refusals.conflict(stuck.size() == 1 ? "directory.handover.oneStepLeftOpen"
                    : "directory.handover.stepsLeftOpen", leaver, stuck.size(), successor, list)
                    .with("steps", List.copyOf(stuck));
        }
    }

    /** Who takes this step of the leaver's, if anyone may. */
    public Optional<PersonId> takerOf(PersonId leaver, PersonId successor, HeldStep step) {
        if (leaver.equals(step.lentTo()) && !leaver.equals(step.holder())
                && whyNot(step.holder(), leaver, step.requester()).isEmpty()) {
            return Optional.of(step.holder());
        }
        return Stream.concat(Stream.of(successor), directory.managementChainAbove(successor).stream().map(Person::id))
                .filter(candidate -> whyNot(candidate, leaver, step.requester()).isEmpty())
                .findFirst();
    }

    /** Why this person may not decide a step of a request by {@code requester} once {@code leaver} is gone. */
    Optional<String> whyNot(PersonId person, PersonId leaver, PersonId requester) {
        if (person.equals(leaver)) {
            return Optional.of(person + " is the one leaving");
        }
        if (person.equals(requester)) {
            return Optional.of(person + " made this request");
        }
        if (directory.find(person).filter(Person::active).isEmpty()) {
            return Optional.of(person + " is not an active person");
        }
        if (directory.managementChainAbove(person).stream().anyMatch(above -> above.id().equals(requester))) {
            return Optional.of(person + " reports to " + requester + ", who made this request");
        }
        return Optional.empty();
    }

    /**
     * The leaver's direct report's new manager: the successor, else the leaver's nearest active manager, never
     * the report themself nor anyone below them (that would close a loop); null at the top of the tree.
     */
    public PersonId newManagerOf(PersonId report, PersonId leaver, PersonId successor) {
        Stream<PersonId> managersAbove = directory.managementChainAbove(leaver).stream()
                .filter(Person::active).map(Person::id);
        return Stream.concat(Stream.of(successor), managersAbove)
                .filter(candidate -> !candidate.equals(report) && !candidate.equals(leaver))
                .filter(candidate -> directory.find(candidate).filter(Person::active).isPresent())
                .filter(candidate -> directory.managementChainAbove(candidate).stream()
                        .noneMatch(above -> above.id().equals(report)))
                .findFirst().orElse(null);
    }
}
