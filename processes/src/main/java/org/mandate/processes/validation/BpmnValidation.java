package org.mandate.processes.validation;

import java.util.List;

/** The outcome of validating one file: the process it defines (if that could be read) and every problem found. */
public record BpmnValidation(String processKey, String processName, List<BpmnProblem> problems) {

    public BpmnValidation {
        problems = List.copyOf(problems);
    }

    public boolean valid() {
        return problems.isEmpty();
    }
}
