package org.mandate.domain.process;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mandate.domain.directory.PersonId;

/**
 * Record that the engine now holds {@code version} of a process. {@code deployedBy} is null for a version that
 * shipped with the application and was recorded when it started.
 */
public record DeployProcess(String processKey, int version, String engineDefinitionId, PersonId deployedBy,
                            String checksum) {

    /** Prefixed: the event store keys streams by id alone, and a process key may equal a person's id. */
    @TargetAggregateIdentifier
    public String pathId() {
        return ProcessPath.streamId(processKey);
    }
}
