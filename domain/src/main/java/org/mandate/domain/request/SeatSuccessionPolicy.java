package org.mandate.domain.request;

import org.mandate.domain.committee.CommitteeFacts;
import org.mandate.domain.committee.CommitteeId;
import org.mandate.domain.committee.Committees;
import org.mandate.domain.directory.Directory;
import org.mandate.domain.directory.Person;
import org.mandate.domain.directory.PersonId;

import java.util.List;
import java.util.Optional;

/**
 * Whether a leaver's successor takes the leaver's seat on an open committee vote. The committee's authority is its
 * members', so the successor must sit on the committee now (an administrator admitted them: the committee's say);
 * a one-from-each vote's seats belong to groups, so they are not handed on. The successor holds no seat on the vote
 * already (one vote per person), and passes the handover's separation of duties: active, not the requester, not
 * reporting to the requester. When any of this fails the leaver is simply taken off the vote, as before.
 */
public final class SeatSuccessionPolicy {

    private SeatSuccessionPolicy() {
    }

    /** Empty when the successor takes the seat; else why not, in words for the timeline. */
    static Optional<String> whyNot(PersonId successor, QuorumVote vote, RequestFacts request, Committees committees,
                                   Directory directory) {
        return whyNot(successor, vote.committee(), vote.hasGroups(), vote.voters(), request.requester(), committees,
                directory);
    }

    /**
     * The same rule from what a read model shows of an open vote (the departure's preview): its committee (null for
     * groups alone), whether its seats belong to groups, its voters now, and the requester.
     */
    public static Optional<String> whyNot(PersonId successor, CommitteeId committee, boolean groups,
                                          List<PersonId> voters, PersonId requester, Committees committees,
                                          Directory directory) {
        if (successor == null) {
            return Optional.of("no successor was named");
        }
        if (committee == null || groups) {
            return Optional.of("the vote's seats belong to groups, which are not handed on");
        }
        if (committees.sitting(committee).map(CommitteeFacts::members).filter(members -> members.contains(successor))
                .isEmpty()) {
            return Optional.of(successor + " does not sit on " + committee);
        }
        if (voters.contains(successor)) {
            return Optional.of(successor + " already votes on it");
        }
        if (successor.equals(requester)) {
            return Optional.of(successor + " made this request");
        }
        if (directory.find(successor).filter(Person::active).isEmpty()) {
            return Optional.of(successor + " is not an active person");
        }
        if (directory.managementChainAbove(successor).stream()
                .anyMatch(above -> above.id().equals(requester))) {
            return Optional.of(successor + " reports to " + requester + ", who made this request");
        }
        return Optional.empty();
    }
}
