package org.mandate.domain.committee;

import org.mandate.domain.directory.PersonId;

import java.util.List;
import java.util.Optional;

/** Read access to the committees the rules talk about; implemented by the committees projection. */
public interface Committees {

    /** The committee (not dissolved) that goes by this name, compared without case or surrounding spaces. */
    Optional<CommitteeId> named(String name);

    /** The committees (not dissolved) this person sits on. */
    List<CommitteeId> of(PersonId person);

    /** The sitting committee with this id, with its members and authority; empty when unknown or dissolved. */
    Optional<CommitteeFacts> sitting(CommitteeId id);

    /** Every sitting committee, by id. */
    List<CommitteeFacts> sitting();
}
