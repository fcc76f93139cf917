package org.mandate.processes.validation;

import java.util.List;

/** A phrase of a problem: its English words and the code and values to word it in another language. */
record Said(String text, String code, List<String> args) {

    Said {
        ProblemCodes.require(code);
        args = List.copyOf(args);
    }

    static Said of(String code, String text, String... args) {
        return new Said(text, code, List.of(args));
    }

    BpmnProblem.BpmnReason reason() {
        return new BpmnProblem.BpmnReason(code, args);
    }
}
