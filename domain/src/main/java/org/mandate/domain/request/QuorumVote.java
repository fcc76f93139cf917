package org.mandate.domain.request;

import org.mandate.domain.committee.CommitteeId;
import org.mandate.domain.directory.PersonId;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the aggregate remembers of an open committee vote: the rule, the voters snapshotted when it opened (less any
 * who left), each voter's current vote, and the outcome once the quorum was met or failed. Only the aggregate's
 * event handlers change it.
 */
final class QuorumVote {

    record Vote(Outcome outcome, PersonId votedBy) {
    }

    private final StepId id;
    private final CommitteeId committee;
    private final QuorumRule rule;
    private final List<PersonId> voters;
    private final Map<String, List<PersonId>> groups = new LinkedHashMap<>();
    private final Map<PersonId, Vote> votes = new LinkedHashMap<>();
    private Outcome outcome;

    QuorumVote(StepId id, CommitteeId committee, QuorumRule rule, List<PersonId> voters,
               Map<String, List<PersonId>> groups) {
        this.id = id;
        this.committee = committee;
        this.rule = rule;
        this.voters = new ArrayList<>(voters);
        groups.forEach((group, members) -> this.groups.put(group, new ArrayList<>(members)));
    }

    StepId id() {
        return id;
    }

    QuorumRule rule() {
        return rule;
    }

    /** The committee that votes; null for a one-from-each vote of groups alone. */
    CommitteeId committee() {
        return committee;
    }

    boolean hasGroups() {
        return !groups.isEmpty();
    }

    List<PersonId> voters() {
        return List.copyOf(voters);
    }

    boolean closed() {
        return outcome != null;
    }

    Outcome outcome() {
        return outcome;
    }

    Optional<Vote> voteOf(PersonId voter) {
        return Optional.ofNullable(votes.get(voter));
    }

    int needed() {
        return rule.needed(voters.size());
    }

    void record(PersonId voter, Outcome vote, PersonId votedBy) {
        votes.put(voter, new Vote(vote, votedBy));
    }

    void remove(PersonId voter) {
        voters.remove(voter);
        votes.remove(voter);
        groups.values().forEach(members -> members.remove(voter));
    }

    /** The successor takes the leaver's place among the voters; the leaver's ballot goes with them. */
    void replace(PersonId leaver, PersonId successor) {
        int seat = voters.indexOf(leaver);
        if (seat >= 0) {
            voters.set(seat, successor);
        }
        votes.remove(leaver);
    }

    void close(Outcome result) {
        outcome = result;
    }

    List<PersonId> with(Outcome vote) {
        return voters.stream().filter(voter -> votes.containsKey(voter) && votes.get(voter).outcome() == vote)
                .toList();
    }

    List<PersonId> stillToVote() {
        return voters.stream().filter(voter -> !votes.containsKey(voter)).toList();
    }

    boolean met() {
        if (rule.kind() == QuorumRule.Kind.ONE_FROM_EACH) {
            return !groups.isEmpty() && groups.values().stream().allMatch(members -> members.stream()
                    .anyMatch(this::approved));
        }
        return !voters.isEmpty() && with(Outcome.APPROVED).size() >= needed();
    }

    /** Why the quorum can no longer be met, if it cannot: too many rejected, or too few voters are left. */
    Optional<String> whyItCannotBeMet() {
        if (rule.kind() == QuorumRule.Kind.ONE_FROM_EACH) {
            return groups.entrySet().stream()
                    .filter(group -> group.getValue().stream().noneMatch(member -> approved(member) || open(member)))
                    .findFirst()
                    .map(group -> group.getValue().isEmpty()
                            ? "nobody is left to vote for " + group.getKey()
                            : "every voter for " + group.getKey() + " rejected (" + names(group.getValue()) + ")");
        }
        if (voters.isEmpty()) {
            return Optional.of("nobody is left to vote");
        }
        int approvals = with(Outcome.APPROVED).size();
        int open = stillToVote().size();
        if (approvals + open >= needed()) {
            return Optional.empty();
        }
        List<PersonId> rejected = with(Outcome.REJECTED);
        return Optional.of(rule.text() + " needs " + needed() + " approval" + (needed() == 1 ? "" : "s") + " of "
                + voters.size() + " voter" + (voters.size() == 1 ? "" : "s") + ", and " + (rejected.isEmpty()
                ? "too few voters are left" : rejected.size() + " rejected (" + names(rejected) + ")"));
    }

    private boolean approved(PersonId voter) {
        return votes.containsKey(voter) && votes.get(voter).outcome() == Outcome.APPROVED;
    }

    private boolean open(PersonId voter) {
        return !votes.containsKey(voter);
    }

    /** By value: the aggregate's state must be the same whether built by commands or by sourcing events. */
    @Override
    public boolean equals(Object other) {
        return other instanceof QuorumVote that && id.equals(that.id) && Objects.equals(committee, that.committee)
                && rule.equals(that.rule)
                && voters.equals(that.voters) && groups.equals(that.groups) && votes.equals(that.votes)
                && Objects.equals(outcome, that.outcome);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, committee, rule, voters, groups, votes, outcome);
    }

    private static String names(List<PersonId> people) {
        return String.join(", ", people.stream().map(PersonId::value).toList());
    }
}
