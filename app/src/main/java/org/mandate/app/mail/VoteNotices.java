package org.mandate.app.mail;

import org.axonframework.eventhandling.EventMessage;
import org.mandate.app.web.People;
import org.mandate.domain.directory.Directory;
import org.mandate.domain.directory.Person;
import org.mandate.domain.directory.PersonId;
import org.mandate.domain.notification.NoticeKind;
import org.mandate.domain.request.QuorumStepOpened;
import org.mandate.domain.request.VoteOverdue;
import org.mandate.domain.request.VoterReplaced;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the outbox says about committee votes, which have no single holder: every voter hears that a vote waits for
 * them (each by their own choices, with decide links of their own), and when the path's time limit passes, every
 * voter still to vote is chased and their manager told, since the vote itself moves to nobody (ADR 0020).
 */
class VoteNotices {

    private final MailNotices notices;
    private final NoticeQueue queue;
    private final ChatQueue chat;
    private final People people;
    private final MailTimes times;
    private final MailVoice voices;
    private final Directory directory;
    /** Whoever may vote for a voter under a standing mandate hears of it as for a single step. */
    private final MandateHolders mandates;

    VoteNotices(MailNotices notices, NoticeQueue queue, ChatQueue chat, People people, MailTimes times,
                Directory directory, MandateHolders mandates, MailVoice voices) {
        this.mandates = mandates;
        this.notices = notices;
        this.queue = queue;
        this.chat = chat;
        this.people = people;
        this.times = times;
        this.voices = voices;
        this.directory = directory;
    }

    void opened(QuorumStepOpened event, EventMessage<?> message) {
        String requestId = event.requestId().toString();
        String stepId = event.stepId().value();
        List<String> voters = event.voters().stream().map(PersonId::value).toList();
        notices.seats().opened(stepId, requestId, voters, event.dueAt(), event.openedAt());
        MailNotices.RequestFacts request = notices.request(requestId);
        if (request == null) {
            return;
        }
        String about = "‘" + request.title() + "’ from " + people.name(request.requester());
        String vote = "the committee vote ‘" + event.name() + "’ (" + event.rule() + ": " + event.needed()
                + " approval" + (event.needed() == 1 ? "" : "s") + " needed of " + voters.size() + " voter"
                + (voters.size() == 1 ? "" : "s") + ")";
        for (String voter : voters) {
            MailVoice.Voice voice = voices.of(voter);
            queue.offer(new MailNotices.Queued(message.getIdentifier(), voter, NoticeKind.STEP_ARRIVED, requestId,
                    stepId, voice.text("mail.vote.headline", voice.about(request.title(),
                    people.name(request.requester()))), voice.text("mail.vote.opened", event.name(), event.rule(),
                    event.needed(), voters.size()), event.dueAt()), event.openedAt());
            mandates.offer(message, requestId, stepId, voter, event.dueAt(), event.openedAt());
        }
        chat.offer(new ChatNotices.Post(message.getIdentifier(), ChatNotices.STEP_ARRIVED, requestId, stepId,
                committee(event), "Waiting for a committee vote: " + about, "The approval path opened " + vote
                + "; the voters are " + names(voters) + ".", event.dueAt()), event.openedAt());
    }

    /** A leaver's seat went to their successor, who is told and reminded from now, as the leaver would have been. */
    void handedOn(VoterReplaced event, EventMessage<?> message) {
        String requestId = event.requestId().toString();
        String stepId = event.stepId().value();
        MailNotices.DueStep leaversSeat = notices.seats().seat(stepId, event.voter().value());
        notices.seats().closed(stepId, event.voter().value());
        if (leaversSeat == null && !notices.seats().open(stepId)) {
            return; // the outbox never saw this vote open (older than its history): nothing to tell
        }
        // a leaver who had voted has no seat left; the others' seats hold the same due time
        Instant dueAt = leaversSeat != null ? leaversSeat.dueAt() : notices.seats().dueAt(stepId);
        notices.seats().opened(stepId, requestId, List.of(event.successor().value()), dueAt, event.replacedAt());
        MailNotices.RequestFacts request = notices.request(requestId);
        if (request == null) {
            return;
        }
        MailVoice.Voice voice = voices.of(event.successor().value());
        queue.offer(new MailNotices.Queued(message.getIdentifier(), event.successor().value(),
                NoticeKind.STEP_ARRIVED, requestId, stepId, voice.text("mail.vote.headline",
                voice.about(request.title(), people.name(request.requester()))),
                voice.text("mail.vote.handedOn", people.name(event.voter().value())), dueAt), event.replacedAt());
        mandates.offer(message, requestId, stepId, event.successor().value(), dueAt, event.replacedAt());
    }

    /** Each voter still to vote is chased; each of their managers hears once whose votes are missing. */
    void overdue(VoteOverdue event, EventMessage<?> message) {
        String requestId = event.requestId().toString();
        String stepId = event.stepId().value();
        MailNotices.RequestFacts request = notices.request(requestId);
        if (request == null) {
            return;
        }
        String about = "‘" + request.title() + "’ from " + people.name(request.requester());
        boolean noReason = event.reason() == null || event.reason().isBlank();
        String limit = noReason ? "its time limit passed"
                : Character.toLowerCase(event.reason().strip().charAt(0)) + event.reason().strip().substring(1);
        Map<String, List<String>> byManager = new LinkedHashMap<>();
        List<String> late = new ArrayList<>();
        for (PersonId voter : event.stillToVote()) {
            MailNotices.DueStep seat = notices.seats().seat(stepId, voter.value());
            if (seat == null) {
                continue; // voted or taken off since the limit passed
            }
            late.add(voter.value());
            MailVoice.Voice voice = voices.of(voter.value());
            queue.offer(new MailNotices.Queued(message.getIdentifier(), voter.value(), NoticeKind.REMINDER, requestId,
                    stepId, voice.text("mail.vote.headline.overdue", voice.about(request.title(),
                    people.name(request.requester()))), voice.text("mail.vote.overdue",
                    noReason ? voice.text("mail.vote.limitPassed") : limit), seat.dueAt()), event.overdueAt());
            directory.find(voter).map(Person::manager)
                    .flatMap(directory::find)
                    .filter(Person::active)
                    .filter(manager -> !manager.id().equals(voter))
                    .ifPresent(manager -> byManager.computeIfAbsent(manager.id().value(), id -> new ArrayList<>())
                            .add(voter.value()));
        }
        if (late.isEmpty()) {
            return;
        }
        byManager.forEach((manager, reports) -> {
            MailVoice.Voice voice = voices.of(manager);
            queue.offer(new MailNotices.Queued(message.getIdentifier(), manager, reports.get(0), NoticeKind.REMINDER,
                    requestId, stepId, voice.text("mail.vote.headline.reports", names(reports),
                    voice.about(request.title(), people.name(request.requester()))), voice.text("mail.vote.reports",
                    noReason ? voice.text("mail.vote.limitPassed") : limit, names(reports), reports.size()), null),
                    event.overdueAt());
        });
        chat.offer(new ChatNotices.Post(message.getIdentifier(), ChatNotices.REMINDER, requestId, stepId,
                names(late), "Vote overdue: " + about, "The committee vote is overdue (" + limit + "); still to vote: "
                + names(late) + ".", null), event.overdueAt());
    }

    /** Due-soon and overdue reminders to a voter who has not voted, by the due time the path gave the vote. */
    void remind(MailNotices.DueStep seat, boolean overdue, Instant happenedAt) {
        MailNotices.RequestFacts request = notices.request(seat.requestId());
        if (request != null) {
            String about = "‘" + request.title() + "’ from " + people.name(request.requester());
            String eventId = (overdue ? "overdue/" : "due-soon/") + seat.stepId() + "/" + seat.dueAt().getEpochSecond();
            MailVoice.Voice voice = voices.of(seat.holder());
            String when = overdue ? "overdue" : "dueSoon";
            queue.offer(new MailNotices.Queued(eventId, seat.holder(), NoticeKind.REMINDER, seat.requestId(),
                    seat.stepId(), voice.text("mail.vote.headline." + when, voice.about(request.title(),
                    people.name(request.requester()))), voice.text("mail.vote.reminder." + when,
                    voice.at(seat.dueAt())), seat.dueAt()), happenedAt);
            // one post for the vote, however many seats: the channel's key is the event and the channel
            chat.offer(new ChatNotices.Post(eventId, ChatNotices.REMINDER, seat.requestId(), seat.stepId(),
                    seat.holder(), (overdue ? "Vote overdue: " : "Vote due soon: ") + about, (overdue
                    ? "The committee vote was due " : "The committee vote is due ") + times.at(seat.dueAt())
                    + "; not every voter has voted.", seat.dueAt()), happenedAt);
        }
        notices.seats().reminded(seat.stepId(), seat.holder(), overdue);
    }

    private static String committee(QuorumStepOpened event) {
        return event.committeeId() == null ? String.join(", ", event.groups().keySet()) : event.committeeId().value();
    }

    private String names(List<String> ids) {
        return String.join(", ", ids.stream().map(people::name).toList());
    }
}
