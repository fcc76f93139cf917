package org.mandate.processes.departure;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.mandate.domain.committee.Committees;
import org.mandate.domain.committee.RemoveMemberOnDeparture;
import org.mandate.domain.directory.ChangeManager;
import org.mandate.domain.directory.Directory;
import org.mandate.domain.directory.Handover;
import org.mandate.domain.directory.HeldStep;
import org.mandate.domain.directory.OpenWork;
import org.mandate.domain.directory.Person;
import org.mandate.domain.directory.PersonLeft;
import org.mandate.domain.mandate.EndMandateOnDeparture;
import org.mandate.domain.mandate.MandateTerms;
import org.mandate.domain.mandate.Mandates;
import org.mandate.domain.request.EndWaitOnDeparture;
import org.mandate.domain.request.OpenVotes;
import org.mandate.domain.request.ReassignStep;
import org.mandate.domain.request.RemoveVoter;
import org.mandate.domain.request.RequestId;
import org.mandate.domain.request.StepId;
import org.mandate.domain.request.WaitingForAnswers;
import org.mandate.processes.bridge.EngineBridge;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * When someone leaves, every open step they hold, have on loan or have lent out moves on (see {@link Handover}),
 * their direct reports get a manager who is still here, they are taken off every open committee vote, every mandate
 * they gave or hold ends, they leave every committee they sat on (an event per committee), and a step of their own
 * request that waits for their answer resumes with its holder, unanswered. Runs with the
 * bridge, in the departure's own transaction: the departure is recorded with all of its consequences or not at
 * all. The open steps come from the inbox, which (unlike the engine, whose task names only the current decider)
 * also knows who lent a step out.
 */
@ProcessingGroup(EngineBridge.PROCESSING_GROUP)
public class DepartureHandover {

    private final CommandGateway commands;
    private final OpenWork work;
    private final Directory directory;
    private final Mandates mandates;
    private final Committees committees;
    private final OpenVotes votes;
    private final WaitingForAnswers waiting;
    private final Clock clock;

    public DepartureHandover(CommandGateway commands, OpenWork work, Directory directory, Mandates mandates,
                             Committees committees, OpenVotes votes, WaitingForAnswers waiting,
                             Clock clock) {
        this.votes = votes;
        this.waiting = waiting;
        this.commands = commands;
        this.work = work;
        this.directory = directory;
        this.mandates = mandates;
        this.committees = committees;
        this.clock = clock;
    }

    @EventHandler
    void on(PersonLeft event) {
        String reason = event.personId() + " left; " + event.successor() + " takes over";
        for (HeldStep step : work.of(event.personId())) {
            commands.sendAndWait(new ReassignStep(RequestId.of(step.requestId()), new StepId(step.stepId()),
                    event.personId(), event.successor(), reason));
        }
        Handover handover = new Handover(directory);
        for (Person report : directory.reportingTo(event.personId())) {
            if (report.active()) {
                commands.sendAndWait(new ChangeManager(report.id(),
                        handover.newManagerOf(report.id(), event.personId(), event.successor())));
            }
        }
        Map<String, MandateTerms> theirs = new LinkedHashMap<>();
        mandates.grantedBy(event.personId()).forEach(mandate -> theirs.put(mandate.id().toString(), mandate));
        mandates.heldBy(event.personId()).forEach(mandate -> theirs.put(mandate.id().toString(), mandate));
        theirs.values().stream()
                .filter(mandate -> mandate.liveAt(clock.instant()))
                .forEach(mandate -> commands.sendAndWait(new EndMandateOnDeparture(mandate.id(), event.personId(),
                        event.recordedBy())));
        // off every open vote too: the snapshot taken when it opened no longer holds them (ADR 0015); the successor
        // takes the seat where they sit on the committee (ADR 0020), so before the leaver leaves the committees
        votes.of(event.personId()).forEach(vote -> commands.sendAndWait(new RemoveVoter(vote.requestId(),
                vote.stepId(), event.personId(), event.successor(), event.personId() + " left the organisation")));
        committees.of(event.personId()).forEach(committee -> commands.sendAndWait(
                new RemoveMemberOnDeparture(committee, event.personId(), event.recordedBy())));
        // their own requests stay in review, but nobody is left to answer a question on them: the wait ends
        waiting.awaitingAnswerFrom(event.personId()).forEach(request -> commands.sendAndWait(
                new EndWaitOnDeparture(request, event.personId(), event.recordedBy())));
    }
}
