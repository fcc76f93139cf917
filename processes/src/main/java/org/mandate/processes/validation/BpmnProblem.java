package org.mandate.processes.validation;

import java.util.List;

/**
 * One thing wrong with a BPMN file: the element it is about (null for the file as a whole) and what to do.
 * {@code message} says it in English (the API's words); the rest are the facts to say the same in another language:
 * {@code code} (one of {@link ProblemCodes#ALL}), the element's BPMN {@code type} and {@code name} (its id if it has
 * none; both null for the file as a whole), the {@code args} the sentence quotes, and {@code because}, the nested
 * reason some sentences give (why a timer or an expression is refused), or null.
 */
public record BpmnProblem(String elementId, String message, String code, String type, String name, List<String> args,
                          BpmnReason because) {

    /** A nested reason: a code of its own and the values it quotes. */
    public record BpmnReason(String code, List<String> args) {

        public BpmnReason {
            ProblemCodes.require(code);
            args = List.copyOf(args);
        }
    }

    public BpmnProblem {
        ProblemCodes.require(code);
        args = List.copyOf(args);
    }

    /** A problem with the file as a whole, no element to point at. */
    public static BpmnProblem ofFile(String message, String code, String... args) {
        return new BpmnProblem(null, message, code, null, null, List.of(args), null);
    }
}
