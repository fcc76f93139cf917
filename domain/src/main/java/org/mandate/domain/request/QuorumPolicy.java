package org.mandate.domain.request;

import org.mandate.domain.Refusals;
import org.mandate.domain.RuleViolation;
import org.mandate.domain.committee.CommitteeFacts;
import org.mandate.domain.committee.CommitteeId;
import org.mandate.domain.committee.Committees;
import org.mandate.domain.directory.Directory;
import org.mandate.domain.directory.PersonId;
import org.mandate.domain.mandate.MandateId;
import org.mandate.domain.mandate.MandateTerms;
import org.mandate.domain.mandate.Mandates;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The rules of a committee vote. Opening: the committee sits and its authority covers the request, the voters are
 * its members when the step opens less the requester, and the rule must be satisfiable by them, else the step is
 * refused naming why. Voting: the voter sits on the vote, or holds a mandate from a voter that covers the request
 * (with the same chain-of-authority check as a single decision); a rejection needs a rationale.
 */
final class QuorumPolicy {

    /** Who votes, and for whom: {@code onBehalfOf} and {@code mandate} are set when a mandate holder votes. */
    record Seat(PersonId voter, PersonId onBehalfOf, MandateId mandate) {
    }

    /** The snapshot a vote opens with. */
    record Snapshot(QuorumRule rule, List<PersonId> voters, Map<String, List<PersonId>> groups, PersonId leftOut) {
    }

    private QuorumPolicy() {
    }

    static Snapshot open(OpenQuorumStep command, RequestFacts request, Committees committees) {
        QuorumRule rule = QuorumRule.parse(command.rule());
        String step = "Step '" + command.name() + "'";
        Set<PersonId> voters = new LinkedHashSet<>();
        Map<String, List<PersonId>> groups = new LinkedHashMap<>();
        boolean requesterSits = false;
        if (command.committee() != null) {
            CommitteeFacts committee = sitting(command.committee(), committees, step);
            requireAuthority(committee, request, step);
            requesterSits = committee.members().contains(request.requester());
            voters.addAll(without(committee.members(), request.requester()));
        } else if (rule.kind() != QuorumRule.Kind.ONE_FROM_EACH) {
            throw Refusals.conflict("request.quorumPolicy.isACommitteeVoteBut", step);
        }
        for (CommitteeId id : rule.groups()) {
            CommitteeFacts group = sitting(id, committees, step);
            if (command.committee() == null) {
                requireAuthority(group, request, step);
            }
            requesterSits |= group.members().contains(request.requester());
            List<PersonId> members = without(group.members(), request.requester());
            groups.put(id.value(), members);
            if (command.committee() == null) {
                voters.addAll(members);
            } else if (!voters.containsAll(members)) {
                throw Refusals.conflict("request.quorumPolicy.theMembersOfGroupDo", step, id, command.committee());
            }
        }
        Snapshot snapshot = new Snapshot(rule, List.copyOf(voters), groups,
                requesterSits ? request.requester() : null);
        requireSatisfiable(snapshot, step);
        return snapshot;
    }

    static Seat seat(DecideStep command, RequestFacts request, QuorumVote vote, Mandates mandates,
                     Directory directory, Instant now) {
        if (command.decider().equals(request.requester())) {
            throw Refusals.forbidden("request.quorumPolicy.youMadeThisRequestSo");
        }
        if (vote.closed()) {
            throw Refusals.conflict(vote.outcome() == Outcome.APPROVED ? "request.quorumPolicy.closedQuorumMet"
                    : "request.quorumPolicy.closedQuorumMissed");
        }
        if (command.outcome() == null) {
            throw Refusals.invalid("request.quorumPolicy.sayHowYouVoteOutcome");
        }
        boolean silent = command.rationale() == null || command.rationale().isBlank();
        if (command.outcome() == Outcome.REJECTED && silent) {
            throw Refusals.invalid("request.quorumPolicy.aRejectionNeedsARationale");
        }
        if (!silent && command.rationale().length() > DecisionPolicy.RATIONALE_LENGTH) {
            throw Refusals.invalid("request.decisionPolicy.theRationaleIsLongerThan", DecisionPolicy.RATIONALE_LENGTH);
        }
        if (vote.voters().contains(command.decider())) {
            return new Seat(command.decider(), null, null);
        }
        return underMandate(command.decider(), request, vote, mandates, new AuthorityChainPolicy(directory), now);
    }

    /**
     * A mandate holder votes for a voter whose mandate covers the request: the one they voted for before (a
     * change), else the first who has not voted, else the first. A member never votes twice through mandates.
     */
    private static Seat underMandate(PersonId decider, RequestFacts request, QuorumVote vote, Mandates mandates,
                                     AuthorityChainPolicy chains, Instant now) {
        List<Seat> usable = new ArrayList<>();
        RuleViolation objection = null;
        for (PersonId voter : vote.voters()) {
            for (MandateTerms mandate : mandates.usableAll(decider, voter, request.category(), request.money(),
                    now)) {
                Optional<RuleViolation> against = chains.refusalOfMandate(request.requester(), mandate, mandates);
                if (against.isEmpty()) {
                    usable.add(new Seat(voter, voter, mandate.id()));
                    break;
                }
                objection = objection == null ? against.get() : objection;
            }
        }
        if (usable.isEmpty()) {
            throw objection != null ? objection
                    : Refusals.forbidden("request.quorumPolicy.onlyVoters",
                            String.join(", ", vote.voters().stream().map(PersonId::value).toList()),
                            request.category(), request.money());
        }
        return usable.stream()
                .filter(seat -> vote.voteOf(seat.voter()).map(cast -> cast.votedBy().equals(decider)).orElse(false))
                .findFirst()
                .or(() -> usable.stream().filter(seat -> vote.voteOf(seat.voter()).isEmpty()).findFirst())
                .orElse(usable.get(0));
    }

    private static CommitteeFacts sitting(CommitteeId id, Committees committees, String step) {
        return committees.sitting(id).orElseThrow(() -> Refusals.conflict("request.quorumPolicy.isAVoteOfCommittee",
                step, id));
    }

    private static void requireAuthority(CommitteeFacts committee, RequestFacts request, String step) {
        if (!committee.covers(request.category(), request.money())) {
            Object authority = committee.currency() == null ? Refusals.phrase("request.quorumPolicy.noneSet")
                    : committee.limitFor(request.category());
            throw Refusals.conflict("request.quorumPolicy.goesToWhoseAuthorityFor", step, committee.name(),
                    authority, request.category(), request.money());
        }
    }

    private static void requireSatisfiable(Snapshot snapshot, String step) {
        Object leftOut = snapshot.leftOut() == null ? ""
                : Refusals.phrase("request.quorumPolicy.requesterLeftOut", snapshot.leftOut());
        if (snapshot.rule().kind() == QuorumRule.Kind.ONE_FROM_EACH) {
            snapshot.groups().forEach((group, members) -> {
                if (members.isEmpty()) {
                    throw Refusals.conflict("request.quorumPolicy.needsOneApprovalFromEach",
                            step, String.join(", ", snapshot.groups().keySet()), group, leftOut);
                }
            });
            return;
        }
        int voters = snapshot.voters().size();
        int needed = snapshot.rule().needed(voters);
        if (voters == 0 || needed > voters) {
            throw Refusals.conflict("request.quorumPolicy.tooFewVoters", step,
                    Refusals.phrase(needed == 1 ? "request.quorumPolicy.oneApproval" : "request.quorumPolicy.approvals",
                            needed), snapshot.rule().text(),
                    Refusals.phrase(voters == 1 ? "request.quorumPolicy.oneMember" : "request.quorumPolicy.members",
                            voters), leftOut);
        }
    }

    private static List<PersonId> without(List<PersonId> members, PersonId requester) {
        return members.stream().filter(member -> !member.equals(requester)).toList();
    }
}
