package org.mandate.domain.committee;

import org.mandate.domain.directory.PersonId;

import java.util.List;
import java.util.Optional;

/**
 * No committee formed: what the rules see where none can be named (a path checked on its own). Open for a test
 * that answers one question differently.
 */
public class NoCommittees implements Committees {

    @Override
    public Optional<CommitteeId> named(String name) {
        return Optional.empty();
    }

    @Override
    public List<CommitteeId> of(PersonId person) {
        return List.of();
    }

    @Override
    public Optional<CommitteeFacts> sitting(CommitteeId id) {
        return Optional.empty();
    }

    @Override
    public List<CommitteeFacts> sitting() {
        return List.of();
    }
}
