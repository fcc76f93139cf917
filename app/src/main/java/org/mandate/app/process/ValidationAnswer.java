package org.mandate.app.process;

import org.mandate.processes.validation.BpmnProblem;
import org.mandate.processes.validation.BpmnValidation;

import java.util.List;

/** What POST .../validation answers: whether the file could be deployed, and every problem if not. */
record ValidationAnswer(boolean valid, String processKey, String processName, List<BpmnProblem> problems) {

    /** The problems' sentences in the caller's language (English for a client that names none). */
    static ValidationAnswer of(BpmnValidation validation, ProblemWords words) {
        return new ValidationAnswer(validation.valid(), validation.processKey(), validation.processName(),
                words.worded(validation.problems()));
    }
}
