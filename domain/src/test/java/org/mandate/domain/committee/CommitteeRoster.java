package org.mandate.domain.committee;

import org.mandate.domain.directory.Authority;
import org.mandate.domain.directory.PersonId;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Sitting committees in memory, for tests of the rules that read them. */
public final class CommitteeRoster implements Committees {

    private final Map<CommitteeId, CommitteeFacts> committees = new LinkedHashMap<>();

    /** The demo school's budget committee: vera, omar and pat, up to 100000 EUR. */
    public static CommitteeRoster school() {
        return new CommitteeRoster().with("budget-committee", 100_000, "vera", "omar", "pat");
    }

    public CommitteeRoster with(String id, long upTo, String... members) {
        CommitteeId committee = CommitteeId.of(id);
        committees.put(committee, new CommitteeFacts(committee, id, Arrays.stream(members).map(PersonId::of).toList(),
                Authority.upTo(upTo), "EUR"));
        return this;
    }

    @Override
    public Optional<CommitteeId> named(String name) {
        return committees.values().stream().filter(facts -> facts.name().equalsIgnoreCase(name.strip()))
                .map(CommitteeFacts::id).findFirst();
    }

    @Override
    public List<CommitteeId> of(PersonId person) {
        return committees.values().stream().filter(facts -> facts.members().contains(person))
                .map(CommitteeFacts::id).toList();
    }

    @Override
    public Optional<CommitteeFacts> sitting(CommitteeId id) {
        return Optional.ofNullable(committees.get(id));
    }

    @Override
    public List<CommitteeFacts> sitting() {
        return List.copyOf(committees.values());
    }
}
