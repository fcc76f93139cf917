package org.mandate.domain.process;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mandate.domain.directory.PersonId;

/**
 * Record that the engine now holds {@code version} of a process. {@code deployedBy} is null for a version that
 * shipped with the application and was recorded when it started.
 */
public record DeployProcess(@TargetAggregateIdentifier String processKey, int version, String engineDefinitionId,
                            PersonId deployedBy, String checksum) {
}
