package org.mandate.domain.request;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mandate.domain.directory.PersonId;

public record DecideStep(@TargetAggregateIdentifier RequestId requestId, StepId stepId, PersonId decider,
                         Outcome outcome, String rationale) {

    /**
     * The longest rationale a decision takes (also a comment, a question and its answer, a withdrawal's reason);
     * longer is refused.
     */
    public static final int MAX_RATIONALE = 4_000;
}
