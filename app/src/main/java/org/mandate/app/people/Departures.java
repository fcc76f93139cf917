package org.mandate.app.people;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.mandate.domain.committee.CommitteeId;
import org.mandate.domain.directory.DeparturePlan;
import org.mandate.domain.directory.Directory;
import org.mandate.domain.directory.OpenWork;
import org.mandate.domain.directory.PersonId;
import org.mandate.domain.directory.RecordDeparture;
import org.mandate.domain.request.OpenVotes;
import org.mandate.domain.request.SeatSuccessionPolicy;
import org.mandate.projections.committee.CommitteeView;
import org.mandate.projections.committee.CommitteesProjection;
import org.mandate.projections.delegation.DelegationsRegister;
import org.mandate.projections.delegation.MandateView;
import org.mandate.projections.request.RequestView;
import org.mandate.projections.request.RequestViewProjection;
import org.mandate.projections.request.WaitingQuestion;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Recording that someone left, for the API and the admin console alike: first what it would do (the plan, with the
 * mandates that end), then the departure itself, which applies the same rules.
 */
@Service
public class Departures {

    /**
     * The plan, the mandates that end with the leaver (granted by, held by, or carrying their authority), the
     * committees they leave, what becomes of their seats on open votes, and the questions on their own requests
     * that will never be answered: those steps go back to their holders, unanswered.
     */
    public record Preview(DeparturePlan plan, List<MandateView> mandatesEnding, List<CommitteeView> committeesLeft,
                          List<Seat> votes, List<WaitingQuestion> questionsUnanswered) {
    }

    /**
     * An open committee vote the leaver sits on: {@code takenBy} is the successor who takes the seat, or null when
     * the leaver only comes off the vote, {@code whyNot} saying why (SeatSuccessionPolicy).
     */
    public record Seat(String requestId, String title, String step, String takenBy, String whyNot) {
    }

    private final CommandGateway commands;
    private final Directory directory;
    private final OpenWork work;
    private final DelegationsRegister mandates;
    private final CommitteesProjection committees;
    private final RequestViewProjection requests;
    private final Clock clock;

    Departures(CommandGateway commands, Directory directory, OpenWork work, DelegationsRegister mandates,
               CommitteesProjection committees, RequestViewProjection requests, Clock clock) {
        this.requests = requests;
        this.commands = commands;
        this.directory = directory;
        this.work = work;
        this.mandates = mandates;
        this.committees = committees;
        this.clock = clock;
    }

    public Preview preview(String leaver, String successor) {
        PersonId id = existing(leaver);
        DeparturePlan plan = DeparturePlan.of(directory, work, id, successor(successor));
        List<MandateView> ending = mandates.involving(id.value(), clock.instant()).stream()
                .filter(mandate -> mandate.status().equals("ACTIVE") || mandate.status().equals("UPCOMING"))
                .toList();
        List<CommitteeView> left = committees.of(id).stream()
                .map(committee -> committees.find(committee.value()).orElseThrow()).toList();
        return new Preview(plan, ending, left, seats(id, plan.successor()), requests.waitingFor(id.value()));
    }

    /** What becomes of each open vote the leaver sits on, by the rule the departure will apply. */
    private List<Seat> seats(PersonId leaver, PersonId successor) {
        List<Seat> seats = new ArrayList<>();
        for (OpenVotes.OpenVote open : requests.of(leaver)) {
            RequestView request = requests.find(open.requestId().toString()).orElse(null);
            RequestView.StepView step = request == null ? null : request.steps().stream()
                    .filter(each -> each.id().equals(open.stepId().value()) && each.vote() != null).findFirst()
                    .orElse(null);
            if (step == null) {
                continue;
            }
            RequestView.Vote vote = step.vote();
            Optional<String> whyNot = SeatSuccessionPolicy.whyNot(successor,
                    vote.committee() == null ? null : CommitteeId.of(vote.committee()),
                    vote.rule().strip().toLowerCase(Locale.ROOT).startsWith("one from each"),
                    vote.ballots().stream().map(ballot -> PersonId.of(ballot.voter())).toList(),
                    PersonId.of(request.requester()), committees, directory);
            seats.add(new Seat(request.id(), request.title(), step.name(),
                    whyNot.isEmpty() ? successor.value() : null, whyNot.orElse(null)));
        }
        return seats;
    }

    /** Records the departure; refused (and nothing changes) when some open step would have nobody. */
    public void record(String leaver, String successor, String recordedBy) {
        commands.sendAndWait(new RecordDeparture(existing(leaver), successor(successor), PersonId.of(recordedBy)));
    }

    private PersonId existing(String id) {
        return KnownPerson.require(directory, id);
    }

    private static PersonId successor(String successor) {
        return successor == null || successor.isBlank() ? null : PersonId.of(successor.strip());
    }
}
